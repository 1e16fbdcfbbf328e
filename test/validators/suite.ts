/**
 * JSON-Schema-Test-Suite through the generator: every test schema becomes a component schema of a generated
 * OpenAPI 3.1 document, the remotes become components too (with their retrieval URI as `$id`), the validators
 * emitter generates one module per bin, and the tests run against the imported module.
 *
 * Bins: schemas that declare the same `$id` cannot share one document, so groups are spread over as few
 * documents as possible. Redocly's loader is bypassed (it would try to fetch `http://localhost:1234/...` refs);
 * the document goes straight to the model builder and the emitter, which is what generates validators.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generateValidators } from "../../generator/emit/validators/index.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { buildModel } from "../../generator/model/build.js";
import type { Validator } from "../../generator/runtime/validation.js";
import { linkRuntime } from "./helpers.js";

export const SUITE_DIR = path.resolve(import.meta.dirname, "../../../shared/json-schema-test-suite");
const REMOTE_BASE = "http://localhost:1234/";

export interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}

export interface SuiteGroup {
  /** `ref.json#3` */
  id: string;
  file: string;
  description: string;
  component: string;
  schema: unknown;
  tests: SuiteTest[];
  optional: boolean;
}

export function loadGroups(suiteDir = SUITE_DIR): SuiteGroup[] {
  const files = [
    ...readdirSync(suiteDir).filter((f) => f.endsWith(".json")),
    ...readdirSync(path.join(suiteDir, "optional/format")).map((f) => `optional/format/${f}`),
  ].sort();
  return files.flatMap((file) => {
    const groups = JSON.parse(readFileSync(path.join(suiteDir, file), "utf8")) as Array<{
      description: string;
      schema: unknown;
      tests: SuiteTest[];
    }>;
    const stem = file.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "-");
    return groups.map((g, i) => ({
      id: `${file}#${i}`,
      file,
      description: g.description,
      component: `${stem}_${i}`,
      schema: withId(g.schema, `https://suite.invalid/${stem}/${i}.json`),
      tests: g.tests,
      optional: file.startsWith("optional/"),
    }));
  });
}

/** A test schema without `$id` is the root of its own document: give it a retrieval URI, as a test runner would. */
function withId(schema: unknown, id: string): unknown {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  return "$id" in schema ? schema : { $id: id, ...schema };
}

export function loadRemotes(suiteDir = SUITE_DIR): Record<string, unknown> {
  const remotes: Record<string, unknown> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(suiteDir, "remotes", dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".json")) {
        const schema = JSON.parse(readFileSync(path.join(suiteDir, "remotes", rel), "utf8")) as Record<string, unknown>;
        // Metaschemas with custom vocabularies serve only vocabulary.json (skipped, see suite-skips.ts).
        if ("$vocabulary" in schema || rel.includes("format-assertion")) continue;
        const url = `${REMOTE_BASE}${rel}`;
        const name = `remote_${rel.replace(/[^A-Za-z0-9]+/g, "_")}`;
        if (typeof schema.$id === "string" && schema.$id !== url) {
          // Retrievable under its URL although it names itself differently.
          remotes[name] = schema;
          remotes[`${name}_alias`] = { $id: url, $ref: schema.$id };
        } else {
          remotes[name] = { ...schema, $id: url };
        }
      }
    }
  };
  walk("");
  // The draft 2020-12 metaschemas, which tests reference by URI as any implementation knows them (copies
  // shipped with Ajv; the validators never load anything at run time).
  const meta = path.resolve(import.meta.dirname, "../../node_modules/ajv/dist/refs/json-schema-2020-12");
  for (const file of ["schema.json", ...readdirSync(path.join(meta, "meta")).map((f) => `meta/${f}`)]) {
    const schema = JSON.parse(readFileSync(path.join(meta, file), "utf8")) as Record<string, unknown>;
    remotes[`metaschema_${file.replace(/[^A-Za-z0-9]+/g, "_")}`] = schema;
  }
  return remotes;
}

/** Every `$id` a schema declares, resolved against its parents. */
export function declaredIds(schema: unknown, base = "https://suite.invalid/"): string[] {
  const ids: string[] = [];
  const visit = (node: unknown, current: string): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, current));
    let next = current;
    const id = (node as Record<string, unknown>).$id;
    if (typeof id === "string") {
      try {
        next = new URL(id, current).href.replace(/#$/, "");
        ids.push(next);
      } catch {
        ids.push(id);
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== "enum" && key !== "const") visit(value, next);
  };
  visit(schema, base);
  return ids;
}

export interface Bin {
  groups: SuiteGroup[];
  assertFormats: boolean;
}

/** First-fit: a group goes into the first bin where none of its `$id`s is taken. */
export function binGroups(groups: SuiteGroup[], remotes: Record<string, unknown>): Bin[] {
  const remoteIds = new Set(Object.values(remotes).flatMap((r) => declaredIds(r)));
  const bins: Array<Bin & { ids: Set<string> }> = [];
  for (const group of groups) {
    // format.json checks 2020-12's default (format is an annotation); everything else runs as the toolkit does.
    const assertFormats = group.file !== "format.json";
    const ids = declaredIds(group.schema);
    const fits = (bin: Bin & { ids: Set<string> }) =>
      bin.assertFormats === assertFormats && ids.every((id) => !bin.ids.has(id) && !remoteIds.has(id));
    let bin = bins.find(fits);
    if (!bin) {
      bin = { groups: [], assertFormats, ids: new Set() };
      bins.push(bin);
    }
    bin.groups.push(group);
    for (const id of ids) bin.ids.add(id);
  }
  return bins.map(({ groups: g, assertFormats }) => ({ groups: g, assertFormats }));
}

export function suiteDocument(groups: SuiteGroup[], remotes: Record<string, unknown>): OpenApiDocument {
  const schemas: Record<string, unknown> = { ...remotes };
  for (const group of groups) schemas[group.component] = group.schema;
  return {
    openapi: "3.1.0",
    info: { title: "JSON-Schema-Test-Suite", version: "2020-12" },
    paths: {},
    components: { schemas: schemas as never },
  };
}

/** Generates, writes under `outDir` and imports one module per bin. */
export async function generateBin(
  bin: Bin,
  index: number | string,
  remotes: Record<string, unknown>,
  outDir: string,
): Promise<Record<string, Validator>> {
  const doc = suiteDocument(bin.groups, remotes);
  const model = buildModel({ file: `suite-${index}.json`, version: "3.1", doc, warnings: [] }, `suite${index}`);
  const code = generateValidators(model, { typed: false, assertFormats: bin.assertFormats });
  const dir = path.join(outDir, `bin${index}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "validators.ts");
  writeFileSync(file, code);
  linkRuntime(dir);
  const module = (await import(pathToFileURL(file).href)) as { schemaValidators: Record<string, Validator> };
  return module.schemaValidators;
}
