/**
 * Ajv at generation time only: compiles the root documents and targets to standalone code, then rewrites that
 * code so it type-checks under the project's strict tsconfig and needs no Ajv at run time (its two runtime
 * helpers, string length and deep equality, are emitted next to it; see support.ts).
 *
 * Two builds of the same schemas: "fast" stops at the first error (type guards), "full" collects every issue.
 */
import { _, Ajv2020 } from "ajv/dist/2020.js";
import type { RegExpEngine } from "ajv/dist/types/index.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { RE2JS } from "re2js";
import { __formats } from "./template/formats.js";
import { SchemaCompileError } from "./errors.js";
import { toTypedBody } from "./rewrite.js";
import type { RootSet } from "./roots.js";

export interface CompiledModule {
  /** Body of an IIFE returning `{ v0, v1, ... }`: one export per target key, in `exportOf`. */
  fast: string;
  full: string;
  exportOf: Map<string, string>;
  formats: string[];
  usesPattern: boolean;
  /** Some check writes into `dynamicAnchors` ($dynamicAnchor): top-level calls need fresh options. */
  dynamicScopes: boolean;
}

const ANNOTATION_FORMATS = ["password", "binary", "iri", "iri-reference", "idn-email", "idn-hostname", "uri-template"];

export { SchemaCompileError };

/** Generation-time stand-in with the same outcome as the emitted `__pattern` helper: RE2 when it can, else V8. */
const patternEngine: RegExpEngine = Object.assign(
  (source: string, flags: string) => {
    try {
      return RE2JS.compile(RE2JS.translateRegExp(source));
    } catch {
      return new RegExp(source, flags);
    }
  },
  { code: "__pattern" },
);

function createAjv(allErrors: boolean, assertFormats: boolean, ownProperties: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true, formats: _`__formats`, regExp: patternEngine },
    allErrors,
    strict: false,
    strictSchema: false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // JSON has no NaN or Infinity: they are not numbers here.
    strictNumbers: true,
    validateSchema: false,
    validateFormats: true,
    ownProperties,
    unicodeRegExp: true,
    logger: false,
    // The wrappers write their own messages (template/support.ts).
    messages: false,
  });
  // Only the shape matters here: the generated code calls the template's implementations through `__formats`.
  for (const [name, check] of Object.entries(__formats)) {
    if (!assertFormats) ajv.addFormat(name, true);
    else
      ajv.addFormat(
        name,
        check.type === "number" ? { type: "number", validate: () => true } : { type: "string", validate: () => true },
      );
  }
  // Anything else (password, binary, iri, vendor formats) is an annotation: registered so Ajv does not complain.
  for (const name of ANNOTATION_FORMATS) ajv.addFormat(name, true);
  return ajv;
}

/** `assertFormats: false` is JSON Schema 2020-12's default (format as annotation); the toolkit asserts by default. */
export function compileRoots(set: RootSet, assertFormats = true): CompiledModule {
  // Targets resolving to the same schema share one export: Ajv's standalone code would repeat the function.
  const ids = [...new Set([...set.entries.values()].map((entry) => entry.id))];
  const exportOfId = new Map(ids.map((id, i) => [id, `v${i}`]));
  const exportOf = new Map([...set.entries].map(([key, entry]) => [key, exportOfId.get(entry.id) as string]));
  const ownProperties = namesPrototypeMember([
    ...set.roots.map((r) => r.schema),
    ...[...set.entries.values()].map((e) => e.schema),
  ]);
  const build = (allErrors: boolean): string => {
    const ajv = createAjv(allErrors, assertFormats, ownProperties);
    for (const root of set.roots) ajv.addSchema(root.schema as object, root.id);
    for (const entry of set.entries.values()) {
      if (entry.schema !== undefined && !ajv.getSchema(entry.id)) ajv.addSchema(entry.schema as object, entry.id);
    }
    for (const [key, entry] of set.entries) {
      try {
        ajv.getSchema(entry.id);
      } catch (error) {
        throw new SchemaCompileError(`${key}: ${(error as Error).message}`);
      }
    }
    return standaloneCode.default(ajv, Object.fromEntries([...exportOfId].map(([id, name]) => [name, id])));
  };
  const fastRaw = build(false);
  const fullRaw = build(true);
  const all = fastRaw + fullRaw;
  return {
    fast: toTypedBody(fastRaw, ids.length, true),
    full: toTypedBody(fullRaw, ids.length, false),
    exportOf,
    formats: usedFormats(all),
    usesPattern: /\b__pattern\b/.test(all),
    dynamicScopes: /dynamicAnchors(?:\.|\[)/.test(all),
  };
}

const PROTOTYPE_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Checking own properties (`hasOwnProperty` per property) halves throughput, and only matters when a schema names
 * a member every object inherits (`constructor`, `toString`, `__proto__`...): `{}` would otherwise "have" it.
 * So it is switched on only for APIs whose schemas name one.
 */
function namesPrototypeMember(schemas: unknown[]): boolean {
  const stack = [...schemas];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const keyword of ["properties", "dependentRequired", "dependentSchemas", "dependencies"]) {
      const map = record[keyword];
      if (map && typeof map === "object" && Object.keys(map).some((k) => PROTOTYPE_MEMBERS.has(k))) return true;
    }
    for (const keyword of ["required", "dependentRequired"]) {
      const list = record[keyword];
      const names = Array.isArray(list) ? list : list && typeof list === "object" ? Object.values(list).flat() : [];
      if (names.some((n) => typeof n === "string" && PROTOTYPE_MEMBERS.has(n))) return true;
    }
    stack.push(...Object.values(record));
  }
  return false;
}

function usedFormats(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/__formats(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/g)) {
    names.add(match[1] ?? (JSON.parse(match[2] as string) as string));
  }
  return [...names].sort();
}
