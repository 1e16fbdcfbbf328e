/** Strings and numbers for a schema: formats, length and numeric bounds, patterns (sampled with a fixed seed). */
import fc from "fast-check";

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

export function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function stringFor(schema: Record<string, unknown>): string {
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

export function numberFor(schema: Record<string, unknown>, integer: boolean): number {
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
