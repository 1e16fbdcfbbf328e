/**
 * Rewrites of Ajv's standalone output (plain JavaScript) into the body of a typed IIFE: types for the untyped
 * data it walks, no Ajv at run time, and a few performance rewrites. Every rewrite matches the exact shape Ajv
 * 8.20 prints (statements start at column 0 with `lines: true`; error objects are unquoted-key literals, so
 * none of these patterns can match inside a JSON string or a schema constant). The JSON-Schema-Test-Suite run
 * (where `is()` and `validate()` must agree on every test) and its type-check guard them.
 */
import { stringLiteral } from "../safe.js";
import { SchemaCompileError } from "./errors.js";
import { toIssue } from "./template/support.js";

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

export function toTypedBody(code: string, count: number, firstError: boolean): string {
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
  body = dropUnusedSchemaConstants(precomputeMessages(body));
  body = lengthFastPath(body);
  // Ajv spends seven lines on each collected error; one says the same (an exact-size literal, as Ajv allocates:
  // `(vErrors ??= []).push()` halved the throughput of schemas whose `not` collects an error on valid data).
  body = body.replace(
    /^if\(vErrors === null\)\{\nvErrors = \[(err\d+)\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}$/gm,
    "if(vErrors === null) vErrors = [$1]; else vErrors.push($1);",
  );
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

const PARAM_NAME = /^([A-Za-z]+): /;
const JSON_VALUE = /^(?:"(?:[^"\\]|\\.)*"|-?\d[\d.e+-]*|true|false|null)/;
const SCHEMA_REFERENCE = /^(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*)/;
const REFERENCE_STEP = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/**
 * Evaluates Ajv's error parameters when they are constants: JSON literals (`limit: 64`) or paths into the
 * module's schema constants (`allowedValues: schema3.properties.role.enum`). Undefined when any is a run-time
 * value (`missingProperty: missing0`).
 */
function constantParams(params: string, schemas: Map<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let rest = params.trim();
  while (rest !== "") {
    const name = PARAM_NAME.exec(rest);
    if (!name) return undefined;
    rest = rest.slice(name[0].length);
    const literal = JSON_VALUE.exec(rest);
    const reference = literal ? null : SCHEMA_REFERENCE.exec(rest);
    if (literal) out[name[1] as string] = JSON.parse(literal[0]) as unknown;
    else if (reference && schemas.has(reference[1] as string)) {
      let value = schemas.get(reference[1] as string);
      for (const step of (reference[2] as string).matchAll(REFERENCE_STEP)) {
        const key = step[1] ?? step[2] ?? (JSON.parse(step[3] as string) as string);
        value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
      }
      if (value === undefined) return undefined;
      out[name[1] as string] = value;
    } else return undefined;
    rest = rest.slice((literal ?? reference)?.[0].length ?? 0);
    if (rest.startsWith(", ")) rest = rest.slice(2);
    else if (rest !== "") return undefined;
  }
  return out;
}

/** Schema constants only error parameters referred to are dead once their messages are precomputed. */
function dropUnusedSchemaConstants(code: string): string {
  const counts = new Map<string, number>();
  for (const match of code.matchAll(/\bschema\d+\b/g)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return code.replace(/^const (schema\d+) = .*;\n/gm, (line, name: string) => (counts.get(name) === 1 ? "" : line));
}

/**
 * Error objects whose parameters are constants become finished ValidationIssues at generation time
 * (`{path, keyword, message}`, the message written by the same function the module uses at run time), so
 * `validate()` hands them over without converting; the others are described at run time. Ajv's code never reads
 * its error objects back, it only collects them.
 */
function precomputeMessages(code: string): string {
  const schemas = new Map<string, unknown>();
  for (const match of code.matchAll(/^const (schema\d+) = (.*);$/gm)) {
    try {
      schemas.set(match[1] as string, JSON.parse(match[2] as string) as unknown);
    } catch {
      // Not a JSON constant: references to it stay run-time values.
    }
  }
  return code.replace(
    /\{instancePath(?::([^\n]*?))?,keyword:("[A-Za-z$]+"),params:\{([^{}\n]*)\}\}/g,
    (whole, pathExpression: string | undefined, keywordLiteral: string, params: string) => {
      const parsed = constantParams(params, schemas);
      if (!parsed) return whole;
      const keyword = JSON.parse(keywordLiteral) as string;
      const issue = toIssue({ instancePath: "", keyword, params: parsed });
      const base = pathExpression ?? "instancePath";
      const path = issue.path === "" ? base : `${base}+${stringLiteral(issue.path)}`;
      return `{path:${path},keyword:${keywordLiteral},message:${stringLiteral(issue.message)}}`;
    },
  );
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
