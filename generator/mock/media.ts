/** Media types: matching a request's Content-Type against documented ones, and decoding bodies by kind. */
import { BodyError } from "./body-error.js";
import { assertJsonDepth, REQUEST_LIMITS } from "./limits.js";
import { mediaClass } from "../openapi/media-types.js";
import { isRecord } from "../openapi/pointer.js";

export type BodyKind = "json" | "form" | "multipart" | "text" | "binary";

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** How the mock reads and writes a body: the shared media classes, a wildcard read as JSON, events as text. */
export function kindOf(mediaType: string): BodyKind {
  const cls = mediaClass(mediaType);
  return cls === "any" ? "json" : cls === "sse" ? "text" : cls;
}

/** The documented media type a request's Content-Type selects: exact first, then `type/*`, then `*\/*`. */
export function selectMedia<T extends { mediaType: string }>(documented: T[], contentType: string): T | undefined {
  const wanted = essence(contentType);
  const [type] = wanted.split("/");
  return (
    documented.find((m) => essence(m.mediaType) === wanted) ??
    documented.find((m) => essence(m.mediaType) === `${type}/*`) ??
    documented.find((m) => essence(m.mediaType) === "*/*")
  );
}

export { BodyError };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BodyError(400, "the body is not valid UTF-8");
  }
}

/** Parses a body of a known kind; `undefined` for kinds the mock accepts without looking inside. */
export function parseBody(kind: BodyKind, bytes: Uint8Array): unknown {
  switch (kind) {
    case "json": {
      const text = decodeUtf8(bytes);
      assertJsonDepth(text, "the JSON body");
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new BodyError(400, `malformed JSON: ${(error as Error).message}`);
      }
    }
    case "form":
      return parseForm(decodeUtf8(bytes));
    case "text":
      return decodeUtf8(bytes);
    default:
      return undefined;
  }
}

/**
 * `a=1&meta[k]=v&list[]=x` → `{ a: "1", meta: { k: "v" }, list: ["x"] }` (Stripe-style deepObject forms). Bounded
 * (REQUEST_LIMITS): pairs, key depth and explicit array indices; past a bound it throws BodyError 400.
 */
export function parseForm(text: string, what = "the form body"): Record<string, unknown> {
  const { formPairs, formDepth, formIndex } = REQUEST_LIMITS;
  // Counted on the text first, so a million-pair body is refused before it is split into a million strings.
  let pairs = 1;
  for (let i = text.indexOf("&"); i !== -1 && pairs <= formPairs; i = text.indexOf("&", i + 1)) pairs++;
  if (pairs > formPairs)
    throw new BodyError(400, `${what} has more than ${formPairs} fields, the most this mock accepts`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [head, ...rest] = key.split("[");
    if (rest.length > formDepth)
      throw new BodyError(400, `${what}: the key "${clip(key)}" is nested more than ${formDepth} levels deep`);
    const path = [head!, ...rest.map((part) => part.replace(/\]$/, ""))];
    // Form keys are attacker-controlled: never let one reach an object's prototype.
    if (path.some((segment) => segment === "__proto__" || segment === "constructor" || segment === "prototype"))
      continue;
    const index = path.find((segment, i) => i > 0 && /^\d+$/.test(segment) && Number(segment) > formIndex);
    if (index !== undefined)
      throw new BodyError(400, `${what}: the array index ${clip(index)} in "${clip(key)}" is above ${formIndex}`);
    assign(out, path, value);
  }
  return out;
}

function clip(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, "?");
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}

function assign(target: Record<string, unknown> | unknown[], path: string[], value: string): void {
  const [key, ...rest] = path as [string, ...string[]];
  const container = target as Record<string, unknown>;
  if (rest.length === 0) {
    if (Array.isArray(target) && key === "") target.push(value);
    else if (container[key] === undefined) container[key] = value;
    else if (Array.isArray(container[key])) (container[key] as unknown[]).push(value);
    else container[key] = [container[key], value];
    return;
  }
  const nextIsIndex = rest[0] === "" || /^\d+$/.test(rest[0]!);
  const slot = Array.isArray(target) && key === "" ? undefined : container[key];
  const child = isRecord(slot) || Array.isArray(slot) ? slot : nextIsIndex ? [] : {};
  if (Array.isArray(target) && key === "") target.push(child);
  else container[key] = child;
  assign(child, rest, value);
}
