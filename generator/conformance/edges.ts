/**
 * Deterministic boundary values for a schema, tried before any random draw: every optional member present, at
 * the lower bounds, at the upper bounds, and with astral (non-BMP) text at full length. Invalid results are
 * dropped by the caller, so an exotic schema only loses an edge.
 */
import { getAt, isRecord } from "../openapi/pointer.js";
import { stringFor } from "../mock/scalars.js";

export type Edge = "min" | "max" | "astral";
export const EDGES: Edge[] = ["min", "max", "astral"];

const MAX_DEPTH = 4;
const ASTRAL = "\u{1F600}";

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function edgeValue(doc: unknown, schema: unknown, edge: Edge, depth = 0): unknown {
  if (!isRecord(schema) || depth > MAX_DEPTH) return undefined;
  if (typeof schema.$ref === "string")
    return edgeValue(doc, getAt(doc, schema.$ref.replace(/^[^#]*#/, "")), edge, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return edge === "min" ? schema.enum[0] : schema.enum[schema.enum.length - 1];
  const composed = [schema.allOf, schema.oneOf, schema.anyOf].find((c) => Array.isArray(c) && c.length > 0) as
    unknown[] | undefined;
  if (composed) {
    const values = composed.map((part) => edgeValue(doc, part, edge, depth + 1));
    const objects = values.filter(isRecord);
    if (schema.allOf && objects.length > 0) return Object.assign({}, ...objects, edgeObject(doc, schema, edge, depth));
    return values.find((v) => v !== undefined);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : schema.items ? "array" : undefined)) {
    case "integer":
    case "number": {
      const integer = type === "integer";
      const step = integer ? 1 : 0.5;
      const exMin = num(schema.exclusiveMinimum);
      const exMax = num(schema.exclusiveMaximum);
      const lo = Math.max(num(schema.minimum) ?? -1e6, exMin !== undefined ? exMin + step : -Infinity);
      const hi = Math.min(num(schema.maximum) ?? 1e6, exMax !== undefined ? exMax - step : Infinity);
      const value = edge === "min" ? lo : hi;
      return integer ? (edge === "min" ? Math.ceil(value) : Math.floor(value)) : value;
    }
    case "string": {
      if (schema.format !== undefined || schema.pattern !== undefined) return stringFor(schema);
      const min = num(schema.minLength) ?? 0;
      const max = num(schema.maxLength) ?? Math.max(min, 24);
      if (edge === "min") return "x".repeat(min);
      return (edge === "astral" ? ASTRAL : "x").repeat(max);
    }
    case "boolean":
      return edge !== "min";
    case "array": {
      const min = num(schema.minItems) ?? 0;
      const count = edge === "min" ? min : Math.min(num(schema.maxItems) ?? Math.max(min, 2), 12);
      const item = edgeValue(doc, schema.items, edge, depth + 1);
      return item === undefined && count > 0 ? undefined : Array.from({ length: count }, () => item);
    }
    case "object":
      return edgeObject(doc, schema, edge, depth);
    case "null":
      return null;
    default:
      return undefined;
  }
}

function edgeObject(doc: unknown, schema: Record<string, unknown>, edge: Edge, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [name, sub] of Object.entries(properties)) {
    if (isRecord(sub) && sub.readOnly === true) continue;
    const value = edgeValue(doc, sub, edge, depth + 1);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
