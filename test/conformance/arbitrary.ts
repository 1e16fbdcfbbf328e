/**
 * JSON Schema (2020-12, after the mock's dialect translation) → fast-check arbitrary of values that should
 * validate. Best effort on exotic keywords: callers filter through a validator, so over-generation only costs runs.
 */
import fc from "fast-check";
import { getAt, isRecord } from "../../generator/mock/pointer.js";

const MAX_DEPTH = 4;

const EMAIL = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.constantFrom("com", "org", "io"),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: EMAIL,
  "idn-email": EMAIL,
  uuid: fc.uuid(),
  "date-time": fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  date: fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  uri: fc.webUrl(),
  url: fc.webUrl(),
};

export function arbitraryFor(doc: unknown, schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined) return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  if (!isRecord(schema)) return fc.constant(null);
  if (typeof schema.$ref === "string") {
    if (depth > MAX_DEPTH) return fc.constant(undefined);
    return arbitraryFor(doc, getAt(doc, schema.$ref.replace(/^[^#]*#/, "")), depth + 1);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return allOf(doc, schema, depth);
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      return fc.oneof(...options.map((o) => arbitraryFor(doc, o, depth + 1)));
    }
  }
  const types = Array.isArray(schema.type)
    ? schema.type.map(String)
    : typeof schema.type === "string"
      ? [schema.type]
      : [inferType(schema)];
  return fc.oneof(...types.map((type) => byType(doc, schema, type, depth)));
}

function inferType(schema: Record<string, unknown>): string {
  if (schema.properties || schema.required) return "object";
  if (schema.items) return "array";
  return "any";
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function byType(doc: unknown, schema: Record<string, unknown>, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number": {
      const integer = type === "integer";
      const step = integer ? 1 : Number.EPSILON * 1024;
      const exMin = num(schema.exclusiveMinimum);
      const exMax = num(schema.exclusiveMaximum);
      const min = Math.max(num(schema.minimum) ?? -1e6, exMin !== undefined ? exMin + step : -Infinity);
      const max = Math.min(num(schema.maximum) ?? 1e6, exMax !== undefined ? exMax - step : Infinity);
      return integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "string":
      return stringArbitrary(schema);
    case "array": {
      const minLength = num(schema.minItems) ?? 0;
      const maxLength = Math.min(num(schema.maxItems) ?? minLength + 3, minLength + 3);
      return fc.array(arbitraryFor(doc, schema.items, depth + 1), { minLength, maxLength });
    }
    case "object":
      return objectArbitrary(doc, schema, depth);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringArbitrary(schema: Record<string, unknown>): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength);
  const inBounds = (s: string): boolean =>
    [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength);
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format) return format.filter(inBounds);
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern, "u")).filter(inBounds);
  return fc.string({ minLength, maxLength: Math.min(maxLength ?? minLength + 20, minLength + 20) });
}

function objectArbitrary(doc: unknown, schema: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (isRecord(sub) && sub.readOnly === true && !required.includes(name)) continue;
    if (depth >= MAX_DEPTH && !required.includes(name)) continue;
    model[name] = arbitraryFor(doc, sub, depth + 1);
  }
  for (const name of required) model[name] ??= fc.string();
  return fc.record(model, { requiredKeys: required.filter((name) => name in model) });
}

function allOf(doc: unknown, schema: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  const parts = (schema.allOf as unknown[]).map((part) => arbitraryFor(doc, part, depth + 1));
  const own = schema.properties || schema.type ? [arbitraryFor(doc, { ...schema, allOf: undefined }, depth)] : [];
  return fc.tuple(...parts, ...own).map((values) => {
    const objects = values.filter(isRecord);
    return objects.length > 0 ? Object.assign({}, ...objects) : values[values.length - 1];
  });
}
