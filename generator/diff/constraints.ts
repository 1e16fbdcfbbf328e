import type { JsonValue, SchemaObject } from "../load/openapi-types.js";
import type { ChangeSink, Direction } from "./types.js";

interface Bound {
  value: number;
  exclusive: boolean;
}

/** Enum values, bounds and other value constraints: tighter rejects more, looser admits more. */
export function compareConstraints(
  sink: ChangeSink,
  direction: Direction,
  a: SchemaObject,
  b: SchemaObject,
  location: string,
): void {
  compareEnums(sink, direction, enumOf(a), enumOf(b), location);
  compareBound(sink, direction, "minimum", lowerNumber(a), lowerNumber(b), 1, location);
  compareBound(sink, direction, "maximum", upperNumber(a), upperNumber(b), -1, location);
  for (const [key, sign] of [
    ["minLength", 1],
    ["maxLength", -1],
    ["minItems", 1],
    ["maxItems", -1],
    ["minProperties", 1],
    ["maxProperties", -1],
  ] as const) {
    compareBound(sink, direction, key, plain(a[key]), plain(b[key]), sign, location);
  }
  for (const key of ["format", "pattern", "multipleOf", "not"] as const) {
    const before = a[key] === undefined ? undefined : JSON.stringify(a[key]);
    const after = b[key] === undefined ? undefined : JSON.stringify(b[key]);
    if (before === after) continue;
    if (before === undefined) sink.narrowed(direction, `${key}-added`, location, `${key} ${after} added`);
    else if (after === undefined) sink.widened(direction, `${key}-removed`, location, `${key} ${before} removed`);
    else sink.add(`${key}-changed`, "breaking", location, `${key} changed from ${before} to ${after}`);
  }
  if (a.uniqueItems !== true && b.uniqueItems === true) {
    sink.narrowed(direction, "unique-items-added", location, "items must now be unique");
  } else if (a.uniqueItems === true && b.uniqueItems !== true) {
    sink.widened(direction, "unique-items-removed", location, "items no longer need to be unique");
  }
}

function enumOf(schema: SchemaObject): JsonValue[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return schema.enum?.filter((v) => v !== null);
}

function compareEnums(
  sink: ChangeSink,
  direction: Direction,
  before: JsonValue[] | undefined,
  after: JsonValue[] | undefined,
  location: string,
): void {
  if (!before && !after) return;
  if (!before) return sink.narrowed(direction, "enum-added", location, `restricted to the values ${list(after ?? [])}`);
  if (!after) return sink.widened(direction, "enum-removed", location, `no longer restricted to ${list(before)}`);
  const key = (v: JsonValue) => JSON.stringify(v);
  const oldKeys = new Set(before.map(key));
  const newKeys = new Set(after.map(key));
  const removed = before.filter((v) => !newKeys.has(key(v)));
  const added = after.filter((v) => !oldKeys.has(key(v)));
  if (removed.length > 0)
    sink.narrowed(direction, "enum-value-removed", location, `enum value ${list(removed)} removed`);
  if (added.length > 0) {
    const why = direction === "response" ? " (breaks exhaustive switches over the old values)" : "";
    sink.widened(direction, "enum-value-added", location, `enum value ${list(added)} added${why}`);
  }
}

const list = (values: JsonValue[]) => values.map((v) => JSON.stringify(v)).join(", ");

const plain = (value: unknown): Bound | undefined =>
  typeof value === "number" ? { value, exclusive: false } : undefined;

/** 3.1 puts the bound in `exclusiveMinimum`; 3.0 flags `minimum` with a boolean. */
function lowerNumber(s: SchemaObject): Bound | undefined {
  if (typeof s.exclusiveMinimum === "number") return { value: s.exclusiveMinimum, exclusive: true };
  if (typeof s.minimum === "number") return { value: s.minimum, exclusive: s.exclusiveMinimum === true };
  return undefined;
}

function upperNumber(s: SchemaObject): Bound | undefined {
  if (typeof s.exclusiveMaximum === "number") return { value: s.exclusiveMaximum, exclusive: true };
  if (typeof s.maximum === "number") return { value: s.maximum, exclusive: s.exclusiveMaximum === true };
  return undefined;
}

/** `sign` is 1 for lower bounds (a larger value is tighter) and -1 for upper bounds. */
function compareBound(
  sink: ChangeSink,
  direction: Direction,
  name: string,
  before: Bound | undefined,
  after: Bound | undefined,
  sign: 1 | -1,
  location: string,
): void {
  if (!before && !after) return;
  const text = (b: Bound | undefined) => (b ? `${b.exclusive ? "exclusive " : ""}${b.value}` : "none");
  const message = (verb: string) => `${name} ${verb} from ${text(before)} to ${text(after)}`;
  const tighter =
    (!before && after) ||
    (before &&
      after &&
      (sign * (after.value - before.value) > 0 ||
        (after.value === before.value && after.exclusive && !before.exclusive)));
  const looser =
    (before && !after) ||
    (before &&
      after &&
      (sign * (after.value - before.value) < 0 ||
        (after.value === before.value && before.exclusive && !after.exclusive)));
  if (tighter) sink.narrowed(direction, "bound-tightened", location, message("tightened"));
  else if (looser) sink.widened(direction, "bound-loosened", location, message("loosened"));
}
