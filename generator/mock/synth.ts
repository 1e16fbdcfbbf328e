/**
 * Synthesises a small, deterministic value for a schema when the document gives no example. Best effort: the
 * caller validates the result and falls back, so an exotic schema (patterns, `not`) can only cost realism.
 */
import { escapeSegment, getAt, isRecord } from "../openapi/pointer.js";
import { numberFor, num, stringFor } from "./scalars.js";

const MAX_DEPTH = 6;
const MAX_REFS = 16;
/** Optional properties and array items are filled in near the root only, so huge documents stay small. */
const RICH_DEPTH = 3;

export interface SynthOptions {
  /** Use the document's `example`/`examples`/`default` values inside schemas (default true). Real documents carry
   * incomplete nested examples, so a caller whose first result does not validate retries without them. */
  examples?: boolean;
  /**
   * Which option of a `oneOf`/`anyOf` to take, by the JSON Pointer of the value (default: the first non-null).
   * A caller whose result fails `oneOf` at some pointer retries with the next option there.
   */
  choices?: ReadonlyMap<string, number>;
  /** Varies the realistic values (names, emails, ids) while staying deterministic (default 0). */
  seed?: number;
}

interface Context {
  doc: unknown;
  examples: boolean;
  choices: ReadonlyMap<string, number>;
  seed: number;
}

/** The property a value at this pointer belongs to (array items take their array's name). */
function nameAt(at: string): string | undefined {
  const segments = at
    .split("/")
    .slice(1)
    .filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1];
  return last?.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function synthesize(doc: unknown, schema: unknown, options: SynthOptions = {}): unknown {
  const ctx: Context = {
    doc,
    examples: options.examples !== false,
    choices: options.choices ?? new Map(),
    seed: options.seed ?? 0,
  };
  return synth(ctx, schema, 0, [], "");
}

/** `at` is the JSON Pointer of the value being built, matching the paths validators report. */
function synth(ctx: Context, schema: unknown, depth: number, refs: readonly string[], at: string): unknown {
  if (schema === true || schema === undefined) return "example";
  if (!isRecord(schema)) return null;
  if (typeof schema.$ref === "string") {
    const ref = schema.$ref;
    const target = getAt(ctx.doc, ref.replace(/^[^#]*#/, ""));
    // A reference adds no nesting of its own. Met again (recursion), it is followed once more in minimal mode
    // (required members only, null where allowed); a third time, or on very long chains, it is cut short.
    const seen = refs.filter((r) => r === ref).length;
    if (seen >= 2 || refs.length > MAX_REFS) return minimalFor(target);
    return synth(ctx, target, seen > 0 ? Math.max(depth, RICH_DEPTH) : depth, [...refs, ref], at);
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  if (ctx.examples && schema.example !== undefined) return schema.example;
  if (ctx.examples && Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (ctx.examples && schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    // Parts that constrain nothing (`{ nullable: true }` after translation) would only contribute noise.
    const parts = schema.allOf.filter(constrains).map((part) => synth(ctx, part, depth, refs, at));
    const base: Record<string, unknown> = { ...schema, allOf: undefined };
    const own = base.properties || base.type ? [synth(ctx, base, depth, refs, at)] : [];
    if (parts.length + own.length > 0) return mergeAll([...parts, ...own]);
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const isNull = (o: unknown): boolean => isRecord(o) && o.type === "null";
      const choice = ctx.choices.get(at);
      // Deep down, null (when allowed) keeps recursive documents such as Stripe's small and valid.
      if (choice === undefined && depth >= RICH_DEPTH && options.some(isNull)) return null;
      const ordered = [...options.filter((o) => !isNull(o)), ...options.filter(isNull)];
      const pick = ordered[(choice ?? 0) % ordered.length];
      const picked = synth(ctx, pick, depth, refs, at);
      const own = schema.properties ? synth(ctx, { ...schema, [key]: undefined }, depth, refs, at) : undefined;
      return own === undefined ? picked : mergeAll([picked, own]);
    }
  }
  const nullable = Array.isArray(schema.type) && schema.type.includes("null");
  return byType(ctx, schema, nullable && depth >= RICH_DEPTH ? "null" : typeOf(schema), depth, refs, at);
}

function typeOf(schema: Record<string, unknown>): string {
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  if (typeof type === "string") return type;
  if (schema.properties || schema.required || schema.additionalProperties) return "object";
  if (schema.items) return "array";
  return "untyped";
}

function byType(
  ctx: Context | undefined,
  schema: Record<string, unknown>,
  type: string,
  depth: number,
  refs: readonly string[],
  at: string,
): unknown {
  switch (type) {
    case "string":
      return stringFor(schema, { name: nameAt(at), seed: ctx?.seed });
    case "integer":
    case "number":
      return numberFor(schema, type === "integer", { name: nameAt(at) });
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      if (!ctx) return [];
      const count = Math.max(num(schema.minItems) ?? 0, depth < RICH_DEPTH ? 1 : 0);
      const max = num(schema.maxItems) ?? count;
      return Array.from({ length: Math.min(count, max) }, (_, i) =>
        synth(ctx, schema.items, depth + 1, refs, `${at}/${i}`),
      );
    }
    case "object": {
      if (!ctx) return {};
      const out: Record<string, unknown> = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
      const properties = isRecord(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(properties)) {
        if (required.has(name) || (depth < RICH_DEPTH && !(isRecord(sub) && sub.writeOnly === true))) {
          out[name] = synth(ctx, sub, depth + 1, refs, `${at}/${escapeSegment(name)}`);
        }
      }
      const fillers = [...required].filter((name) => !(name in out));
      for (const name of fillers) out[name] = "example";
      if (fillers.length > 0) placeholders.set(out, new Set(fillers));
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
  return byType(undefined, { ...schema, properties: undefined }, type, MAX_DEPTH, [], "");
}

/**
 * Members an object part only names in `required` (their schema lives in a sibling `allOf` part) get a
 * placeholder; merging must not let it overwrite the sibling's real value.
 */
const placeholders = new WeakMap<object, Set<string>>();

function mergeAll(values: unknown[]): unknown {
  const objects = values.filter(isRecord);
  if (objects.length === 0) return values[values.length - 1];
  const out: Record<string, unknown> = {};
  const stillFiller = new Set<string>();
  for (const object of objects) {
    const filler = placeholders.get(object);
    for (const [key, value] of Object.entries(object)) {
      if (filler?.has(key)) {
        if (key in out) continue;
        stillFiller.add(key);
      } else {
        stillFiller.delete(key);
      }
      out[key] = value;
    }
  }
  // Placeholders that nothing replaced stay replaceable by an enclosing merge.
  if (stillFiller.size > 0) placeholders.set(out, stillFiller);
  return out;
}

const CONSTRAINING = ["type", "enum", "const", "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "required"];

function constrains(schema: unknown): boolean {
  return schema === false || (isRecord(schema) && CONSTRAINING.some((k) => schema[k] !== undefined));
}
