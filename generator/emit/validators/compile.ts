/**
 * Ajv at generation time only: compiles the root documents and targets to standalone code, then rewrites that
 * code so it type-checks under the project's strict tsconfig and needs no Ajv at run time (its two runtime
 * helpers, string length and deep equality, are emitted next to it; see support.ts).
 *
 * Two builds of the same schemas: "fast" stops at the first error (type guards), "full" collects every issue.
 */
import { _, Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { RegExpEngine } from "ajv/dist/types/index.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { RE2JS } from "re2js";
import { __formats } from "./template/formats.js";
import { toIssue } from "./template/support.js";
import { stringLiteral } from "../safe.js";
import type { RootSet } from "./roots.js";

export interface CompiledModule {
  /** Body of an IIFE returning `{ v0, v1, ... }`: one export per target key, in `exportOf`. */
  fast: string;
  full: string;
  exportOf: Map<string, string>;
  formats: string[];
  usesPattern: boolean;
  usesUcs2length: boolean;
  usesEqual: boolean;
  /** Some check writes into `dynamicAnchors` ($dynamicAnchor): top-level calls need fresh options. */
  dynamicScopes: boolean;
}

const ANNOTATION_FORMATS = ["password", "binary", "iri", "iri-reference", "idn-email", "idn-hostname", "uri-template"];

export class SchemaCompileError extends Error {}

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
    usesUcs2length: all.includes('require("ajv/dist/runtime/ucs2length")'),
    usesEqual: all.includes('require("ajv/dist/runtime/equal")'),
    dynamicScopes: /dynamicAnchors(?:\.|\[)/.test(all),
  };
}

const RUNTIME: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "__ucs2length",
  'require("ajv/dist/runtime/equal").default': "__equal",
};

/**
 * Ajv's output is plain JavaScript. The few rewrites below give it types (`any` for the untyped data it walks:
 * the public surface is typed by the wrappers) and turn its exports into a returned object.
 */
/** An error object literal: Ajv's (schemaPath removed) or a precomputed issue. */
const ERROR_LITERAL =
  /\{(?:instancePath(?::[^\n]*?)?,keyword:"[A-Za-z$]+",params:\{[^{}\n]*\}|path:[^\n]*?,keyword:"[A-Za-z$]+",message:"(?:[^"\\\n]|\\.)*")\}/g;

function toTypedBody(code: string, count: number, firstError: boolean): string {
  let body = code
    .replace(/^"use strict";\n?/, "")
    .replace(/\/\*# sourceURL=[^*]*\*\/;?/g, "")
    .replace(/^export const (v\d+) = /gm, "const $1 = ")
    // Unused by the wrappers, and about a third of the code: error objects are unquoted-key literals, so
    // `,schemaPath:"` cannot occur inside a JSON string or a schema constant.
    .replace(/,schemaPath:"(?:[^"\\]|\\.)*"/g, "");
  for (const [from, to] of Object.entries(RUNTIME)) body = body.split(from).join(to);
  const unknown = /require\("([^"]+)"\)/.exec(body);
  if (unknown) throw new SchemaCompileError(`unsupported Ajv runtime dependency ${unknown[1]}`);
  body = dropRepeatedFunctions(body);
  const functions = new Set<string>();
  const signature =
    /^function (validate\d+)\(data, \{(instancePath="", parentData, parentDataProperty, rootData=data(?:, dynamicAnchors=\{\})?)\}=\{\}\)\{$/gm;
  body = body.replace(signature, (_m, name: string, params: string) => {
    functions.add(name);
    return `function ${name}(data: any, {${params}}: any = {}): boolean {`;
  });
  body = body
    // Ajv's locals change type as evaluation proceeds (null → array, true → {} → number); they hold untyped data.
    .replace(/^(var|let) ([A-Za-z_$][\w$]*)( = |;)/gm, "$1 $2: any$3")
    .replace(/^const (_errs\d+|indices\d+) = /gm, "const $1: any = ")
    // multipleOf: Ajv guards against a zero divisor that the schema cannot have; TS rejects `3 === 0`.
    .replace(/^if\(\((\d[\d.e+-]*) === 0 \|\| /gm, "if((($1 as number) === 0 || ")
    .replace(/^(validate\d+)\.evaluated = (.*);$/gm, "$1.evaluated = $2 as any;");
  // Declares the `errors` expando in the function's own scope (assignments inside its body do not).
  body = precomputeMessages(body);
  body = lengthFastPath(body);
  // `is()` only needs to know that there is an error: one shared, never-mutated error object spares building
  // its instance path (arrays stay fresh, because Ajv's code pushes onto them and truncates them).
  if (firstError)
    body = `const __E: any = { instancePath: "", keyword: "", params: {} };\n${body.replace(ERROR_LITERAL, "__E")}`;
  const declarations = [...functions].map((name) => `${name}.errors = null as any;`).join("\n");
  const exportsList = Array.from({ length: count }, (_v, i) => `v${i}`).join(", ");
  return `${body.trim()}\n${declarations}\nreturn { ${exportsList} };`;
}

/**
 * maxLength/minLength count code points (surrogate pairs once), which never exceeds `.length`: when `.length`
 * already decides, the count is skipped, so most strings are never walked.
 */
function lengthFastPath(code: string): string {
  const names = [...code.matchAll(/^const (func\d+) = __ucs2length;$/gm)].map((m) => m[1] as string);
  let out = code;
  for (const name of names) {
    out = out
      .replace(
        new RegExp(`^if\\(${name}\\((data\\d*)\\) > (\\d+)\\)\\{$`, "gm"),
        `if($1.length > $2 && ${name}($1) > $2){`,
      )
      .replace(
        new RegExp(`^if\\(${name}\\((data\\d*)\\) < (\\d+)\\)\\{$`, "gm"),
        `if($1.length < $2 || ${name}($1) < $2){`,
      );
  }
  return out;
}

/** `key: value` pairs of JSON literals, as Ajv writes constant error parameters: `limit: 64, comparison: "<="`. */
const CONSTANT_PARAMS = /^\s*(?:[A-Za-z]+: (?:"(?:[^"\\]|\\.)*"|-?\d[\d.e+-]*|true|false|null)(?:, |\s*$))*$/;

/**
 * Error objects whose parameters are constants become finished ValidationIssues at generation time
 * (`{path, keyword, message}`, the message written by the same function the module uses at run time), so
 * `validate()` hands them over without converting; the others are described at run time. Ajv's code never reads
 * its error objects back, it only collects them.
 */
function precomputeMessages(code: string): string {
  return code.replace(
    /\{instancePath(?::([^\n]*?))?,keyword:("[A-Za-z$]+"),params:\{([^{}\n]*)\}\}/g,
    (whole, pathExpression: string | undefined, keywordLiteral: string, params: string) => {
      if (!CONSTANT_PARAMS.test(params)) return whole;
      const json = `{${params.replace(/([A-Za-z]+): /g, '"$1": ')}}`;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(json) as Record<string, unknown>;
      } catch {
        return whole;
      }
      const keyword = JSON.parse(keywordLiteral) as string;
      const issue = toIssue({ instancePath: "", keyword, params: parsed });
      const base = pathExpression ?? "instancePath";
      const path = issue.path === "" ? base : `${base}+${stringLiteral(issue.path)}`;
      return `{path:${path},keyword:${keywordLiteral},message:${stringLiteral(issue.message)}}`;
    },
  );
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

/**
 * Ajv's standalone output can repeat a function declaration (a schema both exported and reached by a recursive
 * reference). Harmless in JavaScript, an error in TypeScript: later copies are dropped. Braces are matched outside
 * string literals (the generated functions contain no regular-expression or template literals).
 */
function dropRepeatedFunctions(code: string): string {
  const seen = new Set<string>();
  let out = "";
  let index = 0;
  const start = /^function (validate\d+)\(/gm;
  for (let match = start.exec(code); match; match = start.exec(code)) {
    const name = match[1] as string;
    if (!seen.has(name)) {
      seen.add(name);
      continue;
    }
    const end = matchingBrace(code, code.indexOf("{", code.indexOf(")", match.index)));
    out += code.slice(index, match.index);
    index = end + 1;
    start.lastIndex = index;
  }
  return out + code.slice(index);
}

function matchingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new SchemaCompileError("unbalanced braces in Ajv output");
}

function usedFormats(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/__formats(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/g)) {
    names.add(match[1] ?? (JSON.parse(match[2] as string) as string));
  }
  return [...names].sort();
}

export type { ErrorObject };
