/**
 * Synthesises a small, deterministic value for a schema when the document gives no example. Best effort: the
 * caller validates the result and falls back, so an exotic schema (patterns, `not`) can only cost realism.
 */
import { getAt, isRecord } from "./pointer.js";
import { numberFor, num, stringFor } from "./scalars.js";

const MAX_DEPTH = 6;
const MAX_REFS = 16;
/** Optional properties and array items are filled in near the root only, so huge documents stay small. */
const RICH_DEPTH = 3;

export interface SynthOptions {
  /** Use the document's `example`/`examples`/`default` values inside schemas (default true). Real documents carry
   * incomplete nested examples, so a caller whose first result does not validate retries without them. */
  examples?: boolean;
}

export function synthesize(doc: unknown, schema: unknown, options: SynthOptions = {}): unknown {
  return synth(doc, schema, 0, [], options.examples !== false);
}

function synth(doc: unknown, schema: unknown, depth: number, refs: readonly string[], examples: boolean): unknown {
  if (schema === true || schema === undefined) return "example";
  if (!isRecord(schema)) return null;
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const target = getAt(doc, ref.replace(/^[^#]*#/, ""));
    // A reference adds no nesting of its own. Met again (recursion), it is followed once more in minimal mode
    // (required members only, null where allowed); a third time, or on very long chains, it is cut short.
    const seen = refs.filter((r) => r === ref).length;
    if (seen >= 2 || refs.length > MAX_REFS) return minimalFor(target);
    return synth(doc, target, seen > 0 ? Math.max(depth, RICH_DEPTH) : depth, [...refs, ref], examples);
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  if (examples && schema.example !== undefined) return schema.example;
  if (examples && Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (examples && schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    // Parts that constrain nothing (`{ nullable: true }` after translation) would only contribute noise.
    const parts = schema.allOf.filter(constrains).map((part) => synth(doc, part, depth, refs, examples));
    const base: Record<string, unknown> = { ...schema, allOf: undefined };
    const own = base.properties || base.type ? [synth(doc, base, depth, refs, examples)] : [];
    if (parts.length + own.length > 0) return mergeAll([...parts, ...own]);
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const isNull = (o: unknown): boolean => isRecord(o) && o.type === "null";
      // Deep down, null (when allowed) keeps recursive documents such as Stripe's small and valid.
      if (depth >= RICH_DEPTH && options.some(isNull)) return null;
      const pick = options.find((o) => !isNull(o)) ?? options[0];
      const picked = synth(doc, pick, depth, refs, examples);
      const own = schema.properties ? synth(doc, { ...schema, [key]: undefined }, depth, refs, examples) : undefined;
      return own === undefined ? picked : mergeAll([picked, own]);
    }
  }
  const nullable = Array.isArray(schema.type) && schema.type.includes("null");
  return byType(doc, schema, nullable && depth >= RICH_DEPTH ? "null" : typeOf(schema), depth, refs, examples);
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
  examples = true,
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
      return Array.from({ length: Math.min(count, max) }, () => synth(doc, schema.items, depth + 1, refs, examples));
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
      const properties = isRecord(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(properties)) {
        if (required.has(name) || (depth < RICH_DEPTH && !(isRecord(sub) && sub.writeOnly === true))) {
          out[name] = synth(doc, sub, depth + 1, refs, examples);
        }
      }
      for (const name of required) if (!(name in out)) out[name] = "example";
      return out;
    }
    default:
      return "example";
  }
}

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

const CONSTRAINING = ["type", "enum", "const", "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "required"];

function constrains(schema: unknown): boolean {
  return schema === false || (isRecord(schema) && CONSTRAINING.some((k) => schema[k] !== undefined));
}
