/** Strings and numbers for a schema: formats, length and numeric bounds, patterns (sampled with a fixed seed). */
import fc from "fast-check";
import { numberHint, textFor } from "./realistic.js";
import { formatSample } from "../openapi/synth-values.js";

export function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** What synthesis knows about where a value goes: the property name, and the mock's seed. */
export interface Hint {
  name?: string;
  seed?: number;
}

export function stringFor(schema: Record<string, unknown>, hint: Hint = {}): string {
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength);
  const format = formatSample(schema.format);
  const derived = textFor(hint.name, hint.seed);
  // An email property named like one (`email`, `work_email`) gets the same person's address.
  const named = format === undefined || (schema.format === "email" && derived?.includes("@")) ? derived : undefined;
  // A format decides first; then a name-derived value that fits the bounds; then the name made readable.
  let text =
    named !== undefined && named.length >= min && (max === undefined || named.length <= max)
      ? named
      : (format ?? fallback(hint));
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

/** Text for a string nothing else describes: the property's name made readable, or "sample". */
function fallback(hint: Hint): string {
  const words = (hint.name ?? "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1).toLowerCase()} ${1 + (hint.seed ?? 0)}` : "sample";
}

export function numberFor(schema: Record<string, unknown>, integer: boolean, hint: Hint = {}): number {
  const step = integer ? 1 : 0.5;
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const lo = Math.max(num(schema.minimum) ?? -Infinity, exMin !== undefined ? exMin + step : -Infinity);
  const hi = Math.min(num(schema.maximum) ?? Infinity, exMax !== undefined ? exMax - step : Infinity);
  const named = numberHint(hint.name);
  const usable = named !== undefined && named >= lo && named <= hi && (!integer || Number.isInteger(named));
  let value = usable ? named : Math.min(Math.max(1, lo), hi);
  if (integer) value = Math.ceil(value);
  const multiple = num(schema.multipleOf);
  if (multiple && multiple > 0) value = Math.ceil(value / multiple) * multiple;
  return value;
}

/** The least that can satisfy a schema met again through a recursive reference. */
