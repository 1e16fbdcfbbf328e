/**
 * Deliberately schema-violating variants of a valid body, for testing that clients catch bad responses. Each
 * candidate is checked against the schema; the first one that really fails is used.
 */
import { isRecord } from "../openapi/pointer.js";
import type { Check } from "./schemas.js";

export function violate(valid: unknown, check: Check): { value: unknown; what: string } | undefined {
  for (const candidate of candidates(valid, "")) {
    if (check.run(candidate.value).issues.length > 0) return candidate;
  }
  return undefined;
}

function* candidates(value: unknown, at: string): Generator<{ value: unknown; what: string }> {
  if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      const copy = { ...value };
      delete copy[key];
      yield { value: copy, what: `removed ${at}/${key}` };
    }
    for (const [key, field] of Object.entries(value)) {
      yield { value: { ...value, [key]: wrongType(field) }, what: `wrong type at ${at}/${key}` };
    }
    for (const [key, field] of Object.entries(value)) {
      for (const inner of candidates(field, `${at}/${key}`))
        yield { value: { ...value, [key]: inner.value }, what: inner.what };
    }
  } else if (Array.isArray(value) && value.length > 0) {
    for (const inner of candidates(value[0], `${at}/0`))
      yield { value: [inner.value, ...value.slice(1)], what: inner.what };
  }
  yield { value: wrongType(value), what: `wrong type at ${at || "the root"}` };
}

function wrongType(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "not a number";
  if (typeof value === "boolean") return "not a boolean";
  if (value === null) return 12345;
  if (Array.isArray(value)) return "not an array";
  return "not an object";
}
