import type { JsonValue, SchemaObject } from "../load/openapi-types.js";
import type { ChangeSink, Direction } from "./types.js";

/** JSON types a schema admits; `undefined` means any value. `null` is included for 3.0 `nullable` and 3.1 unions. */
export function typeSet(schema: SchemaObject): Set<string> | undefined {
  let types: string[] | undefined;
  if (typeof schema.type === "string") types = [schema.type];
  else if (Array.isArray(schema.type)) types = [...schema.type];
  else if (schema.const !== undefined) types = [jsonType(schema.const)];
  else if (Array.isArray(schema.enum)) types = schema.enum.map(jsonType);
  else if (schema.properties || schema.additionalProperties !== undefined) types = ["object"];
  else if (schema.items !== undefined) types = ["array"];
  if (!types) return undefined;
  const set = new Set(types);
  if (schema.nullable === true || schema.enum?.includes(null)) set.add("null");
  return set;
}

function jsonType(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function accepts(set: Set<string>, type: string): boolean {
  return set.has(type) || (type === "integer" && set.has("number"));
}

const describe = (set: Set<string> | undefined): string =>
  set
    ? [...set]
        .filter((t) => t !== "null")
        .sort()
        .join(" | ") || "null"
    : "any";

/**
 * Reports type narrowing/widening and nullability changes. Returns true when the old and new types share no
 * value, so comparing keywords below them would only add noise.
 */
export function compareTypes(
  sink: ChangeSink,
  direction: Direction,
  before: Set<string> | undefined,
  after: Set<string> | undefined,
  location: string,
): boolean {
  if (!before && !after) return false;
  if (!before) {
    sink.narrowed(direction, "type-narrowed", location, `type narrowed from any to ${describe(after)}`);
    return false;
  }
  if (!after) {
    sink.widened(direction, "type-widened", location, `type widened from ${describe(before)} to any`);
    return false;
  }
  const base = (set: Set<string>) => [...set].filter((t) => t !== "null");
  const lost = base(before).filter((t) => !accepts(after, t));
  const gained = base(after).filter((t) => !accepts(before, t));
  const change = `from ${describe(before)} to ${describe(after)}`;
  if (lost.length > 0 && gained.length > 0) {
    sink.add("type-changed", "breaking", location, `type changed ${change}`);
  } else if (lost.length > 0) {
    sink.narrowed(direction, "type-narrowed", location, `type narrowed ${change}`);
  } else if (gained.length > 0) {
    sink.widened(direction, "type-widened", location, `type widened ${change}`);
  }
  if (!before.has("null") && after.has("null")) {
    sink.widened(direction, "nullable-added", location, "became nullable");
  } else if (before.has("null") && !after.has("null")) {
    sink.narrowed(direction, "nullable-removed", location, "no longer nullable");
  }
  const overlap = base(before).some((t) => accepts(after, t) || (t === "number" && after.has("integer")));
  return !overlap && base(before).length > 0 && base(after).length > 0;
}
