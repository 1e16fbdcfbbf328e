import { realpath } from "node:fs/promises";
import path from "node:path";
import { YamlParseError, bundle, getLineColLocation, type Config, type NormalizedProblem } from "@redocly/openapi-core";
import { createConfig } from "../openapi/redocly-config.js";
import type { OpenApiDocument } from "./openapi-types.js";
import { quickStructuralCheck, type StructVisitor } from "./quick-check.js";
import { findRefCycle, objectCycleAt } from "./ref-cycle.js";
import { LOAD_LIMITS, readCapped, RefRefused, SandboxedResolver, type LoadOptions } from "./resolver.js";
import { SpecError, type SpecLocation } from "./spec-error.js";

export type { LoadOptions } from "./resolver.js";

export type OpenApiVersion = "3.0" | "3.1" | "3.2";

export interface LoadedDocument {
  /** The path as the caller gave it, relative to the working directory when possible (never printed absolute). */
  file: string;
  version: OpenApiVersion;
  /** Bundled: every external $ref inlined into components, internal $refs kept. A plain JSON-compatible object. */
  doc: OpenApiDocument;
  /** Findings of Redocly's structural rules that are not fatal (warnings). */
  warnings: string[];
}

/** The root document as read, handed to `LoadHooks.rootRead` before the (slow) structural check and bundle. */
export interface RootRead {
  file: string;
  version: OpenApiVersion;
  text: string;
  /** The JSON.parse result when the root is JSON (the object the bundle starts from), else undefined. */
  parsed: unknown;
}

export interface LoadHooks {
  rootRead?(root: RootRead): void;
}

/**
 * Documents whose bundle is exactly the root's JSON text parsed (one JSON file, no other file read, no `$ref` to a
 * whole document): work started from `RootRead` on that text (generator/parallel/) is work on this document.
 */
const parsedAsIs = new WeakSet<object>();

export function isParsedAsIs(doc: object): boolean {
  return parsedAsIs.has(doc);
}

/** The root document's JSON.parse result, when it is JSON (filled while reading its `openapi` field). */
interface JsonRoot {
  parsed?: unknown;
}

/** Rules whose findings mean the document cannot be generated from; style rules are the linter's business. */
const STRUCTURAL_RULE_IDS = ["struct", "no-unresolved-refs", "spec-components-invalid-map-name"];
const PLUGIN_ID = "contactgen-load";
const PLUGIN_PREFIX = `${PLUGIN_ID}/`;

type RuleFactory = (options: unknown) => unknown;
export interface Structural {
  config: Config;
  /** Redocly's own `struct` visitor, for the quick check (quick-check.ts). */
  struct: StructVisitor;
}
let cachedConfig: Promise<Structural> | undefined;

/**
 * A config whose only decorators are Redocly's own structural rules (taken from its built-in plugin), so that
 * bundle() reports their findings from its single walk; and the `struct` visitor for the quick check.
 */
export function structuralConfig(): Promise<Structural> {
  cachedConfig ??= (async () => {
    const base = await createConfig({});
    const plugins = (base as unknown as { plugins: Array<{ rules?: { oas3?: Record<string, RuleFactory> } }> }).plugins;
    const builtIn = plugins.find((p) => STRUCTURAL_RULE_IDS.every((id) => p.rules?.oas3?.[id]))?.rules?.oas3;
    if (!builtIn)
      throw new Error("@redocly/openapi-core: built-in structural rules not found (was the package upgraded?)");
    const oas3 = Object.fromEntries(STRUCTURAL_RULE_IDS.map((id) => [id, builtIn[id]]));
    const config = await createConfig({
      plugins: [{ id: PLUGIN_ID, decorators: { oas3 } }],
      decorators: Object.fromEntries(STRUCTURAL_RULE_IDS.map((id) => [`${PLUGIN_PREFIX}${id}`, "error"])),
    });
    return { config, struct: builtIn.struct?.({}) as StructVisitor };
  })();
  return cachedConfig;
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? path.basename(file)
    : relative.split(path.sep).join("/");
}

/**
 * load → structural check → bundle. Throws SpecError naming the file, the location and what to do — for every
 * failure, including refused refs (see resolver.ts), `$ref` cycles and documents too deep to walk.
 */
export async function loadDocument(
  file: string,
  options: LoadOptions = {},
  hooks: LoadHooks = {},
): Promise<LoadedDocument> {
  const shown = displayPath(file);
  const absolute = path.resolve(file);
  let text: string;
  let roots: string[];
  try {
    const real = await realpath(absolute);
    text = await readCapped(real, options.maxFileBytes ?? LOAD_LIMITS.maxFileBytes, shown);
    roots = [path.dirname(real), await realpath(path.dirname(absolute))];
    for (const root of options.allowRefRoots ?? []) roots.push(await realpath(root));
  } catch (error) {
    if (error instanceof RefRefused) throw new SpecError(shown, error.message, error.hint);
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new SpecError(
      shown,
      `cannot read the file (${code})`,
      "check the path passed with --spec or in generator.config.json (and every --allow-ref-root folder)",
    );
  }
  // A JSON document is parsed once here; the resolver reuses that object for the root.
  const json: JsonRoot = {};
  const version = await detectVersion(shown, json, text);
  hooks.rootRead?.({ file: shown, version, text, parsed: json.parsed });
  const { config, struct } = await structuralConfig();
  // Most documents are one JSON file with local `$ref`s and no findings: that answer costs a fraction of the
  // bundle's walk (quick-check.ts); any other document, or any doubt, takes the bundle path below.
  if (options.quickCheck !== false && quickStructuralCheck(json.parsed, text, config, struct)) {
    parsedAsIs.add(json.parsed as object);
    return { file: shown, version, doc: json.parsed as OpenApiDocument, warnings: [] };
  }
  // One resolver and one walk: the structural rules run as decorators inside the bundle pass (a separate lint()
  // walked and resolved the whole document a second time — about 0.4 s on Stripe). Same findings, tested.
  const resolver = new SandboxedResolver(absolute, text, json.parsed, roots, options, displayPath);
  const result = await bundle({ ref: absolute, config, dereference: false, externalRefResolver: resolver }).catch(
    (error: unknown) => {
      throw bundleFailure(shown, error, resolver);
    },
  );
  const all = result.problems.map((p) => ({ ...p, ruleId: p.ruleId.replace(PLUGIN_PREFIX, "") }));
  const problems = all.filter((p) => STRUCTURAL_RULE_IDS.includes(p.ruleId));
  const errors = problems.filter((p) => p.severity === "error" && !p.ignored && !isTolerable(p));
  if (errors.length > 0) throw toSpecError(shown, errors, resolver);
  const bundleErrors = all.filter(
    (p) => !STRUCTURAL_RULE_IDS.includes(p.ruleId) && p.severity === "error" && !p.ignored,
  );
  if (bundleErrors.length > 0) throw toSpecError(shown, bundleErrors, resolver);
  const doc = result.bundle.parsed as OpenApiDocument;
  const cycle = resolver.wholeDocumentRefs ? objectCycleAt(doc) : undefined;
  if (cycle !== undefined) {
    throw new SpecError(
      shown,
      `the $ref at #${cycle.slice(0, cycle.lastIndexOf("/"))} points at the whole document or at an object containing it, so the document contains itself`,
      "point the $ref at a component (e.g. #/components/schemas/Name), not at a whole file or an ancestor",
    );
  }
  if (doc === json.parsed && resolver.filesParsed === 1 && !resolver.wholeDocumentRefs) parsedAsIs.add(doc);
  const warnings = problems
    .filter((p) => p.severity === "warn" || isTolerable(p))
    .map((p) => describeProblem(shown, p));
  return { file: shown, version, doc, warnings };
}

/**
 * Unknown keywords (e.g. 3.0's `nullable` left in a 3.1 document) and 3.0-style keyword values inside schemas
 * (OpenAI's 3.1 document uses boolean `exclusiveMinimum`) do not stop anyone from calling the API, so real-world
 * documents that carry them still generate; they are reported as warnings and the validators normalise them.
 */
function isTolerable(problem: NormalizedProblem): boolean {
  if (problem.ruleId !== "struct") return false;
  if (/is not expected here/.test(problem.message)) return true;
  const first = problem.location[0];
  const pointer = first && "pointer" in first ? (first.pointer ?? "") : "";
  return /\/(schemas?|properties|items|allOf|anyOf|oneOf)\//.test(pointer);
}

/**
 * The `openapi` field without parsing a multi-megabyte document twice: JSON is parsed natively, block YAML is read by
 * its top-level line. Only when neither finds it does the (slow, precise) YAML parser run, to locate the problem.
 */
function quickVersionField(json: JsonRoot, text: string): unknown {
  if (/^\s*\{/.test(text)) {
    try {
      const parsed: unknown = JSON.parse(text);
      json.parsed = parsed;
      return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>).openapi : undefined;
    } catch {
      return undefined;
    }
  }
  const line = /^openapi[ \t]*:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m.exec(text);
  return line?.[2];
}

async function detectVersion(file: string, json: JsonRoot, text: string): Promise<OpenApiVersion> {
  const value = quickVersionField(json, text) ?? (await versionFromYaml(file, text));
  if (typeof value !== "string") {
    const hint = /^\s*["']?swagger["']?\s*:/m.test(text)
      ? "convert Swagger 2.0 to OpenAPI 3 first"
      : 'add `openapi: "3.1.0"` (or 3.0.x) at the top level';
    throw new SpecError(file, "not an OpenAPI 3 document: the top-level `openapi` field is missing", hint, {
      line: 1,
      column: 1,
    });
  }
  if (/^3\.0\.\d+/.test(value)) return "3.0";
  if (/^3\.1\.\d+/.test(value)) return "3.1";
  if (/^3\.2\.\d+/.test(value)) return "3.2";
  throw new SpecError(
    file,
    `unsupported OpenAPI version "${value}"`,
    "this toolkit reads OpenAPI 3.0.x, 3.1.x and 3.2.x",
    {
      line: 1,
      column: 1,
    },
  );
}

/** The `yaml` package (70-odd modules) loads only when this fallback runs. */
async function versionFromYaml(file: string, text: string): Promise<unknown> {
  const { parseDocument } = await import("yaml");
  const parsed = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
  const yamlError = parsed.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    const location = pos ? { line: pos.line, column: pos.col } : undefined;
    throw new SpecError(
      file,
      `not valid YAML/JSON: ${yamlError.message.split("\n")[0]}`,
      "fix the syntax at this position",
      location,
    );
  }
  return parsed.get("openapi");
}

function locate(problem: NormalizedProblem): SpecLocation | undefined {
  const first = problem.location[0];
  if (!first) return undefined;
  try {
    const lineCol = getLineColLocation(first);
    return {
      line: lineCol.start.line,
      column: lineCol.start.col,
      pointer: "pointer" in first ? first.pointer : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The file a problem sits in: a multi-file spec's error belongs to the referenced file, not the root. */
function fileOf(problem: NormalizedProblem, rootFile: string): string {
  const source = problem.location[0]?.source?.absoluteRef;
  return source && path.isAbsolute(source) ? displayPath(source) : rootFile;
}

function describeProblem(rootFile: string, problem: NormalizedProblem): string {
  const loc = locate(problem);
  const file = fileOf(problem, rootFile);
  return `${loc ? `${file}:${loc.line}:${loc.column}` : file}: ${problem.message} [${problem.ruleId}]`;
}

/** What bundle() threw, as a SpecError: syntax errors with their position, refusals, cycles, stack overflows. */
function bundleFailure(shown: string, error: unknown, resolver: SandboxedResolver): SpecError {
  if (error instanceof SpecError) return error;
  if (error instanceof YamlParseError) {
    const reason = error.originalError.message.split("\n")[0]?.replace(/ in ".*" \(\d+:\d+\)/, "") ?? "";
    return new SpecError(
      shown,
      `not valid YAML/JSON: ${reason}`,
      /maxDepth/.test(reason)
        ? "the YAML parser stops at 100 levels: move deeply nested inline values into components and use $ref"
        : "fix the syntax at this position",
      { line: error.line, column: error.col },
    );
  }
  if (error instanceof RefRefused) return new SpecError(shown, error.message, error.hint);
  const message = error instanceof Error ? error.message : String(error);
  if (/circular pointer/i.test(message)) {
    const cycle = findRefCycle(resolver.rootDocument);
    return new SpecError(
      shown,
      cycle
        ? `$ref cycle: ${[...cycle, cycle[0]].join(" → ")} (these $refs only point at each other, never at a schema)`
        : "a $ref cycle across files: $refs that only point at each other, never at a schema",
      "make one $ref of the cycle point at a real schema (or object) instead of another bare $ref",
    );
  }
  if (error instanceof RangeError) {
    return new SpecError(
      shown,
      `the document is too deeply nested or recursive to load (${message})`,
      "move deeply nested inline schemas into components/schemas and refer to them with $ref",
    );
  }
  return new SpecError(shown, `cannot be loaded: ${message}`, "check that this is a valid OpenAPI 3.0/3.1 document");
}

function toSpecError(file: string, errors: NormalizedProblem[], resolver?: SandboxedResolver): SpecError {
  const [first, ...rest] = errors as [NormalizedProblem, ...NormalizedProblem[]];
  const more =
    rest.length > 0
      ? ` (and ${rest.length} more structural error${rest.length > 1 ? "s" : ""}: ${rest
          .slice(0, 3)
          .map((p) => describeProblem(file, p))
          .join("; ")})`
      : "";
  const hint =
    resolver?.hintFor(first.message) ??
    (first.ruleId === "no-unresolved-refs"
      ? "point the $ref at an existing component or file"
      : "make the document valid OpenAPI at this location (see the OpenAPI specification for the object's fields)");
  return new SpecError(fileOf(first, file), `${first.message}${more}`, hint, locate(first), first.ruleId);
}
