/**
 * Synthesises a small, deterministic value for a schema when the document gives no example. Best effort: the
 * caller validates the result and falls back, so an exotic schema (patterns, `not`) can only cost realism.
 */
import fc from "fast-check";
import { getAt, isRecord } from "./pointer.js";

const MAX_DEPTH = 6;
/** Optional properties and array items are filled in near the root only, so huge documents stay small. */
const RICH_DEPTH = 3;

const FORMATS: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  "idn-email": "user@example.com",
  uuid: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  uri: "https://example.com/",
  url: "https://example.com/",
  "uri-reference": "https://example.com/",
  iri: "https://example.com/",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "ZXhhbXBsZQ==",
  duration: "P1D",
  regex: ".*",
  "json-pointer": "/a",
};

export function synthesize(doc: unknown, schema: unknown, depth = 0, refs: readonly string[] = []): unknown {
  if (schema === true || schema === undefined) return "example";
  if (!isRecord(schema)) return null;
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const target = getAt(doc, ref.replace(/^[^#]*#/, ""));
    // A reference adds no nesting of its own; only cycles and very long chains are cut short.
    if (refs.includes(ref) || refs.length > MAX_DEPTH) return minimalFor(target);
    return synthesize(doc, target, depth, [...refs, ref]);
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((part) => synthesize(doc, part, depth, refs));
    const base: Record<string, unknown> = { ...schema, allOf: undefined };
    const own = base.properties || base.type ? [synthesize(doc, base, depth, refs)] : [];
    return mergeAll([...parts, ...own]);
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const pick = options.find((o) => !(isRecord(o) && o.type === "null")) ?? options[0];
      const picked = synthesize(doc, pick, depth, refs);
      const own = schema.properties ? synthesize(doc, { ...schema, [key]: undefined }, depth, refs) : undefined;
      return own === undefined ? picked : mergeAll([picked, own]);
    }
  }
  return byType(doc, schema, typeOf(schema), depth, refs);
}

function typeOf(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  if (typeof type === "string") return type;
  if (schema.properties || schema.required || schema.additionalProperties) return "object";
  if (schema.items) return "array";
  return "untyped";
}

function byType(
  doc: unknown,
  schema: Record<string, unknown>,
  type: string,
  depth: number,
  refs: readonly string[],
): unknown {
  switch (type) {
    case "string":
      return stringFor(schema);
    case "integer":
    case "number":
      return numberFor(schema, type === "integer");
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const count = Math.max(num(schema.minItems) ?? 0, depth < RICH_DEPTH ? 1 : 0);
      const max = num(schema.maxItems) ?? count;
      return Array.from({ length: Math.min(count, max) }, () => synthesize(doc, schema.items, depth + 1, refs));
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
      const properties = isRecord(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(properties)) {
        if (required.has(name) || (depth < RICH_DEPTH && !(isRecord(sub) && sub.writeOnly === true))) {
          out[name] = synthesize(doc, sub, depth + 1, refs);
        }
      }
      for (const name of required) if (!(name in out)) out[name] = "example";
      return out;
    }
    default:
      return "example";
  }
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function stringFor(schema: Record<string, unknown>): string {
  let text = (typeof schema.format === "string" && FORMATS[schema.format]) || "string";
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength);
  if (schema.format === "email" && (text.length < min || (max !== undefined && text.length > max))) {
    // Resize the local part so the address stays an address.
    const target = Math.max(6, Math.min(max ?? Infinity, Math.max(min, text.length)));
    text = `${"u".repeat(target - 5)}@e.co`;
  }
  if (text.length < min) text = text.padEnd(min, "x");
  if (max !== undefined && text.length > max) text = text.slice(0, max);
  if (typeof schema.pattern === "string") return matching(schema.pattern, min, max) ?? text;
  return text;
}

const patternCache = new Map<string, string | undefined>();

/** A short string matching `pattern` within the length bounds, sampled with a fixed seed (deterministic). */
function matching(pattern: string, min: number, max: number | undefined): string | undefined {
  const key = `${pattern}\u0000${min}\u0000${max}`;
  if (patternCache.has(key)) return patternCache.get(key);
  let found: string | undefined;
  try {
    const regex = new RegExp(pattern, "u");
    const samples = fc.sample(fc.stringMatching(regex, { size: "xsmall" }), { seed: 42, numRuns: 20 });
    found = samples.find((s) => s.length >= min && (max === undefined || s.length <= max));
  } catch {
    // A pattern JavaScript cannot compile or sample: the caller's fallback (and its validation) decides.
  }
  patternCache.set(key, found);
  return found;
}

function numberFor(schema: Record<string, unknown>, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const lo = Math.max(num(schema.minimum) ?? -Infinity, exMin !== undefined ? exMin + step : -Infinity);
  const hi = Math.min(num(schema.maximum) ?? Infinity, exMax !== undefined ? exMax - step : Infinity);
  let value = Math.min(Math.max(1, lo), hi);
  if (integer) value = Math.ceil(value);
  const multiple = num(schema.multipleOf);
  if (multiple && multiple > 0) value = Math.ceil(value / multiple) * multiple;
  return value;
}

/** The least that can satisfy a schema met again through a recursive reference. */
function minimalFor(schema: unknown): unknown {
  if (!isRecord(schema)) return null;
  const type = typeOf(schema);
  if (type === "array") return [];
  if (type === "object") return {};
  return byType(undefined, { ...schema, properties: undefined }, type, MAX_DEPTH, []);
}

function mergeAll(values: unknown[]): unknown {
  const objects = values.filter(isRecord);
  if (objects.length === 0) return values[values.length - 1];
  return Object.assign({}, ...objects) as Record<string, unknown>;
}
