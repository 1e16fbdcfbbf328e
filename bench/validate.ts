/**
 * Validation throughput on contact payloads, in one run: our generated validators (generated/<api>/validators.ts)
 * against Ajv compiling the same component schemas at run time (with ajv-formats) and against the Zod schemas that
 * `redocly generate-client --generator zod` emits for the same spec (generated into .tmp/ here). Writes the
 * `validate` section of BENCHMARKS.md.
 *
 * Pairs compared like for like: `is()` (first error stops) vs Ajv's default; `validate()` (every issue, converted
 * to ValidationIssue) vs Ajv with allErrors and vs Zod's safeParse (which also collects every issue).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ts from "typescript";
import { z } from "zod";
import { loadDocument } from "../generator/load/load.js";
import { v8Source } from "../generator/emit/validators/pattern-v8-source.js";
import { generateApi } from "../generator/pipeline.js";
import type { Validator } from "../generator/runtime/validation.js";
import { measure, ROUNDS } from "./cpu-rounds.js";
import { machineLine, writeSection } from "./report.js";

const ROOT = path.resolve(import.meta.dirname, "..");

interface ZodLike {
  safeParse(value: unknown): { success: boolean };
}
interface ZodObjectLike extends ZodLike {
  extend(shape: Record<string, unknown>): ZodLike;
}

/** The format functions of the generated runtime (runtime/formats.js), by name. */
type Formats = Record<string, (value: string) => boolean>;

interface Case {
  api: string;
  schema: string;
  label: string;
  payload: unknown;
  /**
   * The format and pattern checks of the payload alone, as the generated code runs them (informational: what the
   * schema asks for costs this much whoever runs it).
   */
  checks?: (formats: Formats) => (payload: Record<string, string>) => boolean;
  /** Zod's schema with the format checks the spec asks for and Redocly's output leaves out (informational). */
  zodFormats?: (schema: ZodObjectLike) => ZodLike;
}

/**
 * The payload's patterns as V8 `u`-flag regexes, written as validators.ts writes its V8 ones (pattern-v8-source.ts:
 * no captures, fixed counts written out): what they cost as regexes at best. validators.ts compiles short ones to
 * char-code matchers instead (ADR 0114).
 */
const patternTests = (sources: string[], members: string[]) => {
  const res = sources.map((source) => new RegExp(v8Source(source, "u"), "u"));
  return (payload: Record<string, string>) => res.every((re, i) => re.test(payload[members[i] as string] as string));
};
const iso = () => z.iso.datetime({ offset: true });

const VALID_CONTACT = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  id: "con_01H8XYZ123ABC",
  customer: "cus_1",
  orgunit: null,
  phone: "+5622222222",
  invoicing: true,
  collections: false,
  created: "2023-11-07T05:31:56Z",
  updated: "2023-11-07T05:31:56Z",
};
const INVALID_CONTACT = { ...VALID_CONTACT, name: "x".repeat(80), email: 42, phone: "+56 2 2222 2222 ext 1" };

const PYLON_CONTACT = { id: "c_1", name: "Ada Lovelace", email: "ada@example.com", avatar_url: "https://x.io/a.png" };
const PYLON_PAGE = {
  data: Array.from({ length: 20 }, (_, i) => ({ ...PYLON_CONTACT, id: `c_${i}` })),
  pagination: { cursor: "p2", has_next_page: true },
  request_id: "req_1",
};

const FIXTURE = "bench/fixtures/patterns-formats.yaml";
/** The document of an api: one of our specs, or the bench fixture with patterns and formats. */
const specOf = (api: string): string => (api === "fixture" ? FIXTURE : `specs/${api}/openapi.yaml`);
const EVENT = {
  id: "3f1c2b9e-8d7a-4c1b-9e2f-0a1b2c3d4e5f",
  at: "2023-11-07T05:31:56Z",
  email: "ada@example.com",
  site: "https://example.com/contacts/1",
};

const CASES: Case[] = [
  {
    api: "fixture",
    schema: "Barcode",
    label: "valid, 3 patterns",
    payload: { ean: "4006381333931", sku: "ABC-1234", slug: "blue-shirt" },
    checks: () => patternTests(["^[0-9]{13}$", "^[A-Z]{3}-[0-9]{4}$", "^[a-z]+(-[a-z]+)*$"], ["ean", "sku", "slug"]),
  },
  {
    api: "fixture",
    schema: "Barcode",
    label: "invalid, 2 pattern issues",
    payload: { ean: "400638133393x", sku: "abc-1234", slug: "blue-shirt" },
  },
  {
    api: "fixture",
    schema: "Host",
    label: "valid, 1 pattern with a delimited repeated group",
    payload: { name: "api.eu.example.com" },
    checks: () => patternTests(["^([a-z0-9]+\\.)*[a-z]+$"], ["name"]),
  },
  {
    api: "fixture",
    schema: "Event",
    label: "valid, 4 formats (uuid, date-time, email, uri)",
    payload: EVENT,
    checks: (f) => (p) =>
      f.__isUuid!(p.id as string) &&
      f.__isDateTime!(p.at as string) &&
      f.__isEmail!(p.email as string) &&
      f.__isUri!(p.site as string),
    zodFormats: (schema) => schema.extend({ id: z.guid(), at: iso(), email: z.email(), site: z.url() }),
  },
  {
    api: "fixture",
    schema: "Event",
    label: "invalid, 2 format issues",
    payload: { ...EVENT, email: "not-an-email", at: "yesterday" },
    zodFormats: (schema) => schema.extend({ id: z.guid(), at: iso(), email: z.email(), site: z.url() }),
  },
  {
    api: "piriod",
    schema: "Contact",
    label: "valid contact (response)",
    payload: VALID_CONTACT,
    checks: (f) => (p) =>
      f.__isEmail!(p.email as string) && f.__isDateTime!(p.created as string) && f.__isDateTime!(p.updated as string),
    zodFormats: (schema) => schema.extend({ email: z.email(), created: iso().optional(), updated: iso().optional() }),
  },
  {
    api: "piriod",
    schema: "Contact",
    label: "invalid contact (3 issues)",
    payload: INVALID_CONTACT,
    zodFormats: (schema) => schema.extend({ email: z.email(), created: iso().optional(), updated: iso().optional() }),
  },
  {
    api: "piriod",
    schema: "ContactUpdate",
    label: "valid update (request)",
    payload: { name: "Ada", email: "a@b.co" },
    checks: (f) => (p) => f.__isEmail!(p.email as string),
    zodFormats: (schema) => schema.extend({ email: z.email() }),
  },
  {
    api: "piriod",
    schema: "ContactUpdate",
    label: "invalid update (2 issues)",
    payload: { name: 1, email: "nope" },
    zodFormats: (schema) => schema.extend({ email: z.email() }),
  },
  {
    api: "pylon",
    schema: "ContactCreate",
    label: "valid create (request)",
    payload: { name: "Ada", email: "ada@example.com", account_id: "acc_1", portal_role: "member" },
  },
  {
    api: "pylon",
    schema: "ContactCreate",
    label: "invalid create (2 issues)",
    payload: { name: 1, portal_role: "boss" },
  },
  { api: "pylon", schema: "ContactList", label: "valid page of 20 contacts (response)", payload: PYLON_PAGE },
  {
    api: "pylon",
    schema: "ContactList",
    label: "invalid page (1 issue in item 19)",
    payload: { ...PYLON_PAGE, data: [...PYLON_PAGE.data.slice(0, 19), { ...PYLON_CONTACT, id: 19 }] },
  },
];

/**
 * Imports a TypeScript module as tsc would emit it. Running it through tsx instead would measure tsx's
 * `keepNames` transform, which redefines `name` on every function and slows Ajv-style code (which stores
 * `errors` on its functions) by about 20%; users run compiled or bundled code.
 */
async function importCompiled(file: string, outDir: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${path.basename(file, ".ts")}.mjs`);
  writeFileSync(out, js);
  return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
}

/** validators.ts (with the runtime modules it imports) generated for `api`, compiled as tsc emits it, imported. */
async function generatedValidators(api: string): Promise<Record<string, unknown>> {
  const dir = path.join(ROOT, ".tmp/bench-validate", api);
  const { files } = await generateApi(path.join(ROOT, specOf(api)), api);
  for (const file of files) {
    const out = path.join(dir, file.path.replace(/\.ts$/, ".js"));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      ts.transpileModule(file.contents, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText,
    );
  }
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  return (await import(pathToFileURL(path.join(dir, "validators.js")).href)) as Record<string, unknown>;
}

async function zodSchemas(api: string): Promise<Record<string, ZodLike>> {
  const dir = path.join(ROOT, ".tmp/bench-zod", api);
  mkdirSync(dir, { recursive: true });
  // Run from the temp folder so the project's redocly.yaml (with a TypeScript lint plugin) is not picked up.
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"),
      "generate-client",
      path.join(ROOT, specOf(api)),
      "--generator",
      "zod",
      "-o",
      "client.ts",
    ],
    { cwd: dir, stdio: "ignore" },
  );
  return (await importCompiled(path.join(dir, "client.zod.ts"), dir)) as Record<string, ZodLike>;
}

function ajvValidators(doc: unknown, allErrors: boolean): (name: string) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: "doc.json", components: (doc as { components: unknown }).components });
  return (name) => ajv.getSchema(`doc.json#/components/schemas/${name}`) as ValidateFunction;
}

function format(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export async function run(): Promise<void> {
  const loadBefore = os.loadavg()[0] ?? 0;
  const rows: string[] = [];
  const ratios: Array<{ is: number; ajv: number; zod: number; valid: boolean }> = [];
  // CONTACTGEN_BENCH_CASES=Host,Event runs only the cases whose row names contain one of the words (a quick A/B
  // while working); BENCHMARKS.md is then left as it is.
  const only = process.env.CONTACTGEN_BENCH_CASES?.split(",").filter(Boolean);
  const cases = only
    ? CASES.filter((c) => only.some((word) => `${c.api} ${c.schema}: ${c.label}`.includes(word)))
    : CASES;
  const apis = [...new Set(cases.map((c) => c.api))];
  for (const api of apis) {
    const ours = (await generatedValidators(api)) as { schemaValidators: Record<string, Validator> };
    const formats = (await import(
      pathToFileURL(path.join(ROOT, ".tmp/bench-validate", api, "runtime/formats.js")).href
    )) as Formats;
    const loaded = await loadDocument(path.join(ROOT, specOf(api)));
    const ajvFirst = ajvValidators(loaded.doc, false);
    const ajvAll = ajvValidators(loaded.doc, true);
    const zod = await zodSchemas(api);
    for (const c of cases.filter((x) => x.api === api)) {
      const validator = ours.schemaValidators[c.schema] as Validator;
      const first = ajvFirst(c.schema);
      const all = ajvAll(c.schema);
      const zodSchema = zod[`${c.schema}Schema`] as ZodLike;
      const agree = [validator.is(c.payload), first(c.payload), all(c.payload), zodSchema.safeParse(c.payload).success];
      const zodFormats = c.zodFormats?.(zodSchema as ZodObjectLike);
      const checks = c.checks?.(formats);
      if (zodFormats && zodFormats.safeParse(c.payload).success !== agree[0]) {
        throw new Error(`${c.schema}: Zod with format checks disagrees with ours on ${c.label}`);
      }
      const measured = measure(
        [
          (value) => validator.is(value),
          (value) => first(value),
          (value) => validator.validate(value).length === 0,
          (value) => all(value) || (all.errors?.length ?? 0) === 0,
          (value) => zodSchema.safeParse(value).success,
          ...(zodFormats ? [(value: unknown) => zodFormats.safeParse(value).success] : []),
          ...(checks ? [(value: unknown) => checks(value as Record<string, string>)] : []),
        ],
        c.payload,
      );
      const [is, ajvIs, validate, ajvValidate, zodParse, zodFormatsParse, checksOnly] = measured.ops as [
        number,
        number,
        number,
        number,
        number,
        ...number[],
      ];
      const zodEquivalent = zodFormats ? (zodFormatsParse as number) : undefined;
      const alone = checks ? (zodFormats ? checksOnly : zodFormatsParse) : undefined;
      const aloneIndex = zodFormats ? 6 : 5;
      const isRatio = measured.ratio(0, 1);
      const ajvRatio = measured.ratio(2, 3);
      const zodRatio = measured.ratio(2, 4);
      ratios.push({ is: isRatio, ajv: ajvRatio, zod: zodRatio, valid: agree[0] === true });
      rows.push(
        `| ${api} ${c.schema}: ${c.label} | ${agree.map((a) => (a ? "✓" : "✗")).join("")} | ${format(is)} | ` +
          `${format(ajvIs)} | **${isRatio.toFixed(2)}×** | ${format(validate)} | ${format(ajvValidate)} | ` +
          `**${ajvRatio.toFixed(2)}×** | ${format(zodParse)} | **${zodRatio.toFixed(1)}×** | ` +
          `${zodEquivalent === undefined ? "–" : `${format(zodEquivalent)} (${measured.ratio(2, 5).toFixed(1)}×)`} | ` +
          `${alone === undefined ? "–" : `${format(alone)} (${measured.ratio(aloneIndex, 4).toFixed(1)}×)`} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  if (only) return;
  const min = (values: number[]) => Math.min(...values);
  const minIs = min(ratios.map((r) => r.is));
  const minAjv = min(ratios.map((r) => r.ajv));
  const minZodValid = min(ratios.filter((r) => r.valid).map((r) => r.zod));
  const minZodInvalid = min(ratios.filter((r) => !r.valid).map((r) => r.zod));
  const markdown = [
    "## Validation throughput (ops/s, higher is better)",
    "",
    `Machine: ${machineLine()}. Reproduce: \`npm run bench -- validate\`. Each cell is operations per CPU-second`,
    `(process.cpuUsage), the median of ${ROUNDS} rounds of about 30 ms of CPU time each, in rotating order, after every`,
    "contender of the case has been warmed up, all in one process; each contender runs in a measuring loop of its own",
    "(bench/cpu-rounds.ts, ADR 0111). A ratio is the median of the per-round ratios of the two contenders (measured",
    "back to back), so it need not equal the quotient of the two medians shown. Load average (1 min) of the machine",
    "(shared with other jobs):",
    `${loadBefore.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    "Ours: validators.ts generated for the api (and the runtime modules it imports) as tsc emits it (our own",
    "compiler, docs/decisions/0110-native-validators.md; formats asserted; patterns as char-code matchers where",
    "provably the same test and faster (ADR 0114), else on V8 where provably linear (written without captures and with",
    "fixed counts spelled out, ADR 0115), else RE2). The `fixture` rows come from",
    "bench/fixtures/patterns-formats.yaml. Ajv: Ajv 2020 + ajv-formats compiling the",
    "same component schemas at run time. Zod: `redocly generate-client --generator zod` output (`<Name>Schema`),",
    "`safeParse`. The verdict column shows whether ours, Ajv (first error), Ajv (all errors) and Zod accept the",
    "payload. Zod's schemas do less work than ours wherever the spec has formats: Redocly writes `format: uuid`,",
    "`date-time`, `email` and `uri` as a bare `z.string()` (Event: `id: z.string(), at: z.string(), email: z.string(),",
    "site: z.string()`; Piriod: `email: z.string()`, `created: z.string().optional()`), Piriod's `maxLength` as",
    "`z.string().max(64)`, which counts UTF-16 code units where JSON Schema counts characters (ours counts code points),",
    "and Pylon's `not` not at all. Barcode and Host are like for like: Zod runs the same patterns",
    '(`z.string().regex(new RegExp("^[0-9]{13}$"))`, without the `u` flag, which gives the same verdicts on these',
    "ASCII patterns). Pylon's schemas have no formats, so there the work is comparable too.",
    "",
    "| payload | verdict (ours, Ajv, Ajv all, Zod) | ours `is()` | Ajv | ours/Ajv | ours `validate()` | Ajv allErrors | ours/Ajv | Zod `safeParse` | ours/Zod | Zod with the spec's formats (ours/it) | format and pattern checks alone (÷ Zod) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `Lowest ratios over the cases: \`is()\` ${minIs.toFixed(2)}× Ajv; \`validate()\` ${minAjv.toFixed(2)}× Ajv (allErrors),`,
    `${minZodValid.toFixed(1)}× Zod on valid payloads, ${minZodInvalid.toFixed(1)}× Zod on invalid ones.`,
    "Goals: at least Ajv's throughput and at least 5× Zod's on every case; parallel jobs on this 2-core machine",
    "still move ratios near 1.0 by about ±0.1 between runs and larger ones by more (ADR 0111). Host's check is",
    "Ajv's V8 regex without its capture (about 9% faster alone) plus our call, so that row stays within a few per cent",
    "of Ajv's throughput (ADR 0115 measured an automaton for its pattern: no faster in time). `validate()` is one",
    "collecting pass: an issue's",
    "path is relative to the value its check was handed and each check that returns with new issues puts its key in",
    "front, so a valid value costs no path work (ADR 0116); small object and array bodies (a page's items) are",
    "written into their caller with their issues' whole path, as Ajv does (ADR 0117). Patterns that are not",
    "char-code matchers: V8 wherever the checker proves linearity (including repeated groups whose passes end with",
    "a delimiter found nowhere else in the group or after it), for a pattern with an unbounded loop only up to",
    "100,000 characters, RE2 beyond; patterns V8 cannot be proven to run in linear time run as a small deterministic",
    "automaton (ADR 0115), else on RE2.",
    "The two last columns are informational. \"Zod with the spec's formats\" extends Redocly's schema with the checks",
    "it leaves out (`z.guid()`, `z.iso.datetime({ offset: true })`, `z.email()`, `z.url()`); ours/it compares like",
    'with like. "Checks alone" runs only the payload\'s format functions (as validators.ts calls them) or its',
    "patterns as V8 regexes as validators.ts writes them (Zod runs the same patterns as written, slower), with",
    "nothing else: where it is below 5× Zod's whole `safeParse`, a validator that runs those checks that way cannot",
    "reach 5× Zod, since Zod's generated schema skips those formats (Event, Piriod) or runs those regexes (Barcode,",
    "Host).",
  ].join("\n");
  await writeSection("validate", markdown);
}
