/**
 * OpenAPI schema dialect → plain JSON Schema 2020-12, one schema tree at a time.
 *
 * - 3.0 (and 3.0-isms found in real 3.1 documents, such as OpenAI's): `nullable`, boolean
 *   `exclusiveMinimum`/`exclusiveMaximum`; in 3.0 documents the siblings of `$ref` are ignored, as 3.0 says.
 * - OpenAPI-only annotations (`discriminator`, `xml`, `externalDocs`, `example`, `x-*`) and plain annotations
 *   are dropped unless `keepAnnotations`: they never affect validity and would only bloat the generated module.
 * - Whole documents (every schema location of an OpenAPI document, for the mock): dialect-document.ts.
 * - Direction: `readOnly` properties are not required in requests, `writeOnly` ones not in responses.
 * - `$ref`s are handed to `mapRef` together with whether they sit inside a schema resource that has its own
 *   `$id` (then they are relative to that resource, not to the OpenAPI document).
 */
import type { OpenApiVersion } from "../../load/load.js";
import { getByRef } from "../../openapi/pointer.js";

export type Direction = "schema" | "request" | "response";

export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface DialectContext {
  version: OpenApiVersion;
  direction: Direction;
  /** The bundled document, to see through `$ref`s when looking for readOnly/writeOnly. */
  document: unknown;
  mapRef(ref: string, insideResource: boolean): string;
  /**
   * Keep annotations (`example`, `default`, `description`, `x-*`...) instead of dropping them: the mock synthesises
   * bodies from them. Default false (generated validators only need what affects validity).
   */
  keepAnnotations?: boolean;
}

const SINGLE = [
  "items",
  "additionalItems",
  "additionalProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_KEYWORDS = new Set([...SINGLE, ...LIST, ...MAP, "dependencies"]);

/** Keywords that never change the outcome of validation. */
const DROPPED = new Set([
  "discriminator",
  "xml",
  "externalDocs",
  "example",
  "examples",
  "description",
  "title",
  "default",
  "$comment",
  "deprecated",
]);

export function normalizeSchema(schema: unknown, ctx: DialectContext, insideResource = false): JsonSchema {
  if (typeof schema === "boolean") return schema;
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return {};
  const source = schema as Record<string, unknown>;
  const inside = insideResource || typeof source.$id === "string";
  if (ctx.version === "3.0" && typeof source.$ref === "string") {
    const ref: Record<string, unknown> = { $ref: ctx.mapRef(source.$ref, inside) };
    return source.nullable === true ? { anyOf: [{ type: "null" }, ref] } : ref;
  }
  const out: Record<string, unknown> = {};
  for (const keyword of Object.keys(source)) {
    const value = source[keyword];
    if (keyword === "nullable") continue;
    if (!ctx.keepAnnotations && (DROPPED.has(keyword) || keyword.startsWith("x-"))) continue;
    if (keyword === "$ref" || keyword === "$dynamicRef") {
      define(out, keyword, typeof value === "string" && keyword === "$ref" ? ctx.mapRef(value, inside) : value);
    } else if (SUBSCHEMA_KEYWORDS.has(keyword)) {
      define(out, keyword, normalizeSubschemas(keyword, value, ctx, inside));
    } else {
      define(out, keyword, value);
    }
  }
  moveProtoProperty(out);
  if (Array.isArray(out.enum) && out.enum.length === 0) {
    // Valid JSON Schema that nothing satisfies; Ajv rejects the empty list itself.
    delete out.enum;
    define(out, "allOf", [...(Array.isArray(out.allOf) ? out.allOf : []), false]);
  }
  fixExclusiveBound(out, "exclusiveMinimum", "minimum");
  fixExclusiveBound(out, "exclusiveMaximum", "maximum");
  if (ctx.direction !== "schema") relaxRequired(source, out, ctx);
  return source.nullable === true ? makeNullable(out) : out;
}

function normalizeSubschemas(keyword: string, value: unknown, ctx: DialectContext, inside: boolean): unknown {
  if (LIST.includes(keyword) || (keyword === "items" && Array.isArray(value))) {
    return Array.isArray(value) ? value.map((s) => normalizeSchema(s, ctx, inside)) : value;
  }
  if (MAP.includes(keyword) || keyword === "dependencies") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const map: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
      // `dependencies` (draft 7) mixes schemas and lists of names.
      const normalized = Array.isArray(sub) ? sub : normalizeSchema(sub, ctx, inside);
      define(map, name, normalized);
    }
    return map;
  }
  return normalizeSchema(value, ctx, inside);
}

/**
 * Ajv skips a property named `__proto__` in `properties` (to protect itself), so it would go unchecked. The same
 * constraint as a pattern property (exactly that name) is checked, and still counts as evaluated for
 * additionalProperties/unevaluatedProperties.
 */
function moveProtoProperty(out: Record<string, unknown>): void {
  const properties = out.properties;
  if (properties === null || typeof properties !== "object") return;
  if (!Object.prototype.hasOwnProperty.call(properties, "__proto__")) return;
  const schema = (properties as Record<string, unknown>)["__proto__"];
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) {
    if (key !== "__proto__") define(rest, key, (properties as Record<string, unknown>)[key]);
  }
  define(out, "properties", rest);
  const patterns: Record<string, unknown> = { ...((out.patternProperties as Record<string, unknown>) ?? {}) };
  const key = "^__proto__$";
  patterns[key] = key in patterns ? { allOf: [patterns[key], schema] } : schema;
  define(out, "patternProperties", patterns);
}

/** 3.0's `exclusiveMinimum: true` qualifies `minimum`; 2020-12's `exclusiveMinimum` is the bound itself. */
function fixExclusiveBound(out: Record<string, unknown>, exclusive: string, inclusive: string): void {
  const flag = out[exclusive];
  if (typeof flag !== "boolean") return;
  delete out[exclusive];
  if (flag && typeof out[inclusive] === "number") {
    out[exclusive] = out[inclusive];
    delete out[inclusive];
  }
}

function makeNullable(out: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    return out;
  }
  if (Array.isArray(out.type)) {
    if (!out.type.includes("null")) out.type = [...out.type, "null"];
    return out;
  }
  if (Array.isArray(out.enum)) return out;
  return { anyOf: [{ type: "null" }, out] };
}

/** readOnly properties may be absent from requests and writeOnly ones from responses, whatever `required` says. */
function relaxRequired(source: Record<string, unknown>, out: Record<string, unknown>, ctx: DialectContext): void {
  const required = source.required;
  const properties = source.properties;
  if (!Array.isArray(required) || properties === null || typeof properties !== "object") return;
  const flag = ctx.direction === "request" ? "readOnly" : "writeOnly";
  const kept = required.filter((name) => {
    if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(properties, name)) return true;
    return !hasFlag((properties as Record<string, unknown>)[name], flag, ctx.document);
  });
  if (kept.length !== required.length) out.required = kept;
}

function hasFlag(schema: unknown, flag: string, document: unknown): boolean {
  let current = schema;
  for (let hops = 0; hops < 32; hops++) {
    if (current === null || typeof current !== "object") return false;
    const node = current as Record<string, unknown>;
    if (node[flag] === true) return true;
    if (typeof node.$ref !== "string" || !node.$ref.startsWith("#")) return false;
    current = getByRef(document, node.$ref);
  }
  return false;
}

/** Plain assignment would turn a key named `__proto__` into a prototype change instead of a property. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty for that one name only: it is several times slower than assignment on a 4 MB document.
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
