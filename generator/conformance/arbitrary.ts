/**
 * JSON Schema (2020-12, after the mock's dialect translation) → fast-check arbitrary of values that should
 * validate. Leans on the edges where servers break: exact length and value bounds, empty and full arrays,
 * optional members absent and present, and text from the whole of Unicode (astral characters included).
 * Best effort on exotic keywords: callers filter through a validator, so over-generation only costs runs.
 */
import fc from "fast-check";
import { getAt, isRecord } from "../openapi/pointer.js";

const MAX_DEPTH = 4;

const EMAIL = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.constantFrom("com", "org", "io"),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

const DATE = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2099-12-31T00:00:00Z"),
  noInvalidDate: true,
});

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: EMAIL,
  "idn-email": EMAIL,
  uuid: fc.uuid(),
  "date-time": DATE.map((d) => d.toISOString()),
  date: DATE.map((d) => d.toISOString().slice(0, 10)),
  uri: fc.webUrl(),
  url: fc.webUrl(),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  hostname: fc.domain(),
};

export interface ArbitraryOptions {
  /** Text restricted to visible ASCII (header values cannot carry anything else). */
  ascii?: boolean;
}

export function arbitraryFor(
  doc: unknown,
  schema: unknown,
  depth = 0,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined) return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  if (!isRecord(schema)) return fc.constant(null);
  if (typeof schema.$ref === "string") {
    if (depth > MAX_DEPTH) return fc.constant(undefined);
    return arbitraryFor(doc, getAt(doc, schema.$ref.replace(/^[^#]*#/, "")), depth + 1, options);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return allOf(doc, schema, depth, options);
  for (const key of ["oneOf", "anyOf"] as const) {
    const choices = schema[key];
    if (Array.isArray(choices) && choices.length > 0) {
      return fc.oneof(...choices.map((o) => arbitraryFor(doc, o, depth + 1, options)));
    }
  }
  const types = Array.isArray(schema.type)
    ? schema.type.map(String)
    : typeof schema.type === "string"
      ? [schema.type]
      : [inferType(schema)];
  return fc.oneof(...types.map((type) => byType(doc, schema, type, depth, options)));
}

function inferType(schema: Record<string, unknown>): string {
  if (schema.properties || schema.required) return "object";
  if (schema.items) return "array";
  return "any";
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function byType(
  doc: unknown,
  schema: Record<string, unknown>,
  type: string,
  depth: number,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number":
      return numberArbitrary(schema, type === "integer");
    case "string":
      return stringArbitrary(schema, options);
    case "array": {
      const minLength = num(schema.minItems) ?? 0;
      const maxItems = num(schema.maxItems);
      // Full arrays are a boundary too, when the bound is small enough to send.
      const maxLength = maxItems !== undefined && maxItems <= 12 ? maxItems : Math.min(maxItems ?? 3, minLength + 3);
      return fc.array(arbitraryFor(doc, schema.items, depth + 1, options), { minLength, maxLength });
    }
    case "object":
      return objectArbitrary(doc, schema, depth, options);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function numberArbitrary(schema: Record<string, unknown>, integer: boolean): fc.Arbitrary<number> {
  const step = integer ? 1 : Number.EPSILON * 1024;
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const min = Math.max(num(schema.minimum) ?? -1e6, exMin !== undefined ? exMin + step : -Infinity);
  const max = Math.min(num(schema.maximum) ?? 1e6, exMax !== undefined ? exMax - step : Infinity);
  const lo = integer ? Math.ceil(min) : min;
  const hi = integer ? Math.floor(max) : max;
  const any = integer
    ? fc.integer({ min: lo, max: hi })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  const edges = [lo, hi, lo + 1, hi - 1, 0].filter((v) => v >= lo && v <= hi);
  return fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 1 }, { arbitrary: any, weight: 2 });
}

const codePoints = (s: string): number => [...s].length;

function stringArbitrary(schema: Record<string, unknown>, options: ArbitraryOptions): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength);
  const inBounds = (s: string): boolean =>
    codePoints(s) >= minLength && (maxLength === undefined || codePoints(s) <= maxLength);
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format) return format.filter(inBounds);
  if (typeof schema.pattern === "string") {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, "u")).filter(inBounds);
    } catch {
      // A pattern JavaScript cannot compile: plain text, filtered by the caller's validator.
    }
  }
  const top = Math.min(maxLength ?? minLength + 20, minLength + 20);
  if (options.ascii) return fc.string({ minLength, maxLength: top }).filter((s) => /^[\x21-\x7e]*$/.test(s));
  // Exactly the bounds, in ASCII and in astral characters (UTF-16 length and code points differ there).
  const edges = [minLength, top].flatMap((n) => ["x".repeat(n), "\u{1F600}".repeat(n)]);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...edges), weight: 1 },
    { arbitrary: fc.string({ unit: "binary", minLength, maxLength: top }), weight: 2 },
    { arbitrary: fc.string({ minLength, maxLength: top }), weight: 2 },
  );
}

function objectArbitrary(
  doc: unknown,
  schema: Record<string, unknown>,
  depth: number,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (isRecord(sub) && sub.readOnly === true && !required.includes(name)) continue;
    if (depth >= MAX_DEPTH && !required.includes(name)) continue;
    model[name] = arbitraryFor(doc, sub, depth + 1, options);
  }
  for (const name of required) model[name] ??= fc.string();
  // Optional members absent and present: fast-check drops each one independently.
  return fc.record(model, { requiredKeys: required.filter((name) => name in model) });
}

function allOf(
  doc: unknown,
  schema: Record<string, unknown>,
  depth: number,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  const parts = (schema.allOf as unknown[]).map((part) => arbitraryFor(doc, part, depth + 1, options));
  const own =
    schema.properties || schema.type ? [arbitraryFor(doc, { ...schema, allOf: undefined }, depth, options)] : [];
  return fc.tuple(...parts, ...own).map((values) => {
    const objects = values.filter(isRecord);
    return objects.length > 0 ? Object.assign({}, ...objects) : values[values.length - 1];
  });
}
