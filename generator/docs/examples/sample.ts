/**
 * Example values for a usage snippet: the spec's own example wherever it gives one, otherwise a value built from
 * the schema that satisfies its type, so the snippet type-checks against the generated client.
 */
import type { JsonValue, OpenApiDocument, SchemaObject } from "../../load/openapi-types.js";
import { deref } from "../../openapi/pointer.js";
import type { ParameterModel } from "../../model/types.js";
import { formatSample } from "../../openapi/synth-values.js";

/** Preferred optional properties when an object requires none: the ones a reader recognises. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== "__proto__"));

const FRIENDLY = ["name", "email", "title", "first_name", "firstName", "description"];

export function parameterValue(doc: OpenApiDocument, param: ParameterModel): JsonValue {
  if (param.example !== undefined) return param.example;
  return sampleValue(doc, param.schema, placeholder(param.name));
}

export function placeholder(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.join("_").toUpperCase() || "VALUE";
}

export function sampleValue(
  doc: OpenApiDocument,
  input: SchemaObject | boolean | undefined,
  hint = "string",
  depth = 0,
): JsonValue {
  if (input === undefined || typeof input === "boolean" || depth > 8) return hint;
  let schema: SchemaObject;
  try {
    schema = deref<SchemaObject>(doc, input);
  } catch {
    return hint;
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as JsonValue;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) return sampleValue(doc, alternatives[0], hint, depth + 1);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return sampleAllOf(doc, schema, hint, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((t) => t !== "null") ?? (schema.properties ? "object" : types[0]);
  switch (type) {
    case "string":
      return sampleString(schema, hint);
    case "integer":
    case "number":
      return sampleNumber(schema, type);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return [sampleValue(doc, schema.items, hint, depth + 1)];
    case "object":
      return sampleObject(doc, schema, depth);
    default:
      return hint;
  }
}

function sampleString(schema: SchemaObject, hint: string): string {
  const byFormat = formatSample(schema.format);
  const value = byFormat ?? hint;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  return max !== undefined && value.length > max ? value.slice(0, Math.max(1, max)) : value;
}

/** The lowest value the bounds allow (3.1 numeric and 3.0 boolean exclusive bounds), else 1. */
function sampleNumber(schema: SchemaObject, type: string): number {
  const step = type === "integer" ? 1 : 0.5;
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const exMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  const exMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
  let lower = 1;
  if (min !== undefined) lower = schema.exclusiveMinimum === true ? min + step : min;
  if (exMin !== undefined) lower = Math.max(min ?? -Infinity, exMin + step);
  let upper = max !== undefined && schema.exclusiveMaximum === true ? max - step : max;
  if (exMax !== undefined) upper = Math.min(upper ?? Infinity, exMax - step);
  const value = upper !== undefined && lower > upper ? (lower + upper) / 2 : lower;
  return type === "integer" ? Math.ceil(value) : value;
}

function sampleObject(doc: OpenApiDocument, schema: SchemaObject, depth: number): JsonValue {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const required = new Set(schema.required ?? []);
  // Required members plus those with a default (sending the default is always valid, and the generated types
  // treat defaulted members as present). Failing both, one member a reader recognises rather than a cursor.
  // A member named like an Object.prototype method (`toString`) must be given too: a literal that omits it
  // inherits the method, which TypeScript rejects against a non-function type.
  const wanted = names.filter((n) => required.has(n) || hasDefault(doc, properties[n]) || INHERITED.has(n));
  const chosen = wanted.length > 0 ? wanted : [FRIENDLY.find((n) => names.includes(n))].filter(isString);
  const out: Record<string, JsonValue> = {};
  for (const name of chosen) out[name] = sampleValue(doc, properties[name], placeholder(name), depth + 1);
  return out;
}

function sampleAllOf(doc: OpenApiDocument, schema: SchemaObject, hint: string, depth: number): JsonValue {
  const parts = (schema.allOf ?? []).map((m) => sampleValue(doc, m, hint, depth + 1));
  if (parts.every((p) => p !== null && typeof p === "object" && !Array.isArray(p)))
    return Object.assign({}, ...parts) as JsonValue;
  return parts[0] ?? hint;
}

function isString(value: string | undefined): value is string {
  return typeof value === "string";
}

function hasDefault(doc: OpenApiDocument, schema: SchemaObject | boolean | undefined): boolean {
  if (schema === undefined || typeof schema === "boolean") return false;
  try {
    return deref<SchemaObject>(doc, schema).default !== undefined;
  } catch {
    return false;
  }
}
