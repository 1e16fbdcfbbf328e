/**
 * Greedy shrinking of a failing request, on top of fast-check's own (which cannot shrink the boundary examples
 * it was handed): drop optional parameters and body members, and put members back to the minimal request's
 * values, keeping each step only while the request stays valid and the same check still fails.
 */
import { isRecord } from "../openapi/pointer.js";
import type { Parts } from "./types.js";

const MAX_STEPS = 60;

function* candidates(parts: Parts, base: Parts): Generator<Parts> {
  for (const where of ["query", "headers", "cookies"] as const) {
    for (const name of Object.keys(parts[where])) {
      const values = { ...parts[where] };
      if (name in base[where]) {
        if (values[name] === base[where][name]) continue;
        values[name] = base[where][name];
      } else delete values[name];
      yield { ...parts, [where]: values };
    }
  }
  for (const name of Object.keys(parts.path)) {
    if (parts.path[name] !== base.path[name]) yield { ...parts, path: { ...parts.path, [name]: base.path[name] } };
  }
  if (!isRecord(parts.body)) return;
  const baseBody = isRecord(base.body) && base.mediaType === parts.mediaType ? base.body : {};
  for (const key of Object.keys(parts.body)) {
    const body = { ...parts.body };
    if (key in baseBody) {
      if (JSON.stringify(body[key]) === JSON.stringify(baseBody[key])) continue;
      body[key] = baseBody[key];
    } else delete body[key];
    yield { ...parts, body };
  }
  for (const [key, value] of Object.entries(parts.body)) {
    const chars = typeof value === "string" ? [...value] : [];
    if (chars.length > 1)
      yield { ...parts, body: { ...parts.body, [key]: chars.slice(0, chars.length >> 1).join("") } };
  }
}

/** The smallest variant of `failing` for which `stillFails` holds (each call may send a request). */
export async function shrink(
  failing: Parts,
  base: Parts,
  valid: (parts: Parts) => boolean,
  stillFails: (parts: Parts) => Promise<boolean>,
): Promise<Parts> {
  let current = failing;
  let steps = 0;
  for (let improved = true; improved && steps < MAX_STEPS;) {
    improved = false;
    for (const candidate of candidates(current, base)) {
      if (!valid(candidate)) continue;
      if (++steps > MAX_STEPS) break;
      if (await stillFails(candidate)) {
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return current;
}
