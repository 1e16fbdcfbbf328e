/**
 * JSON Pointers (RFC 6901) into a bundled document or a response body: the one reader and the one escaper. The
 * walk itself is the runtime's `atPointer` (generator/runtime/paginate.ts), because generated clients need it too
 * and runtime files cannot import generator code; the generator side adds what `$ref`s need: URI fragments
 * (percent-encoded, RFC 6901 §6) and following reference chains. Bundled documents hold internal refs only.
 */
import { atPointer } from "../runtime/paginate.js";

export { atPointer };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function isRef(value: unknown): value is { $ref: string } {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** `a/b~c` → `a~1b~0c`: one reference token. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** JSON Pointer (not URI-encoded) for raw segments: `["paths", "/a"]` → `/paths/~1a`. */
export function pointerOf(segments: readonly string[]): string {
  return segments.map((s) => `/${escapeSegment(s)}`).join("");
}

/** The raw segments of a plain JSON Pointer (no percent-decoding: response-body pointers, `x-pagination`). */
export function pointerSegments(pointer: string): string[] {
  const hash = pointer.indexOf("#");
  const path = hash >= 0 ? pointer.slice(hash + 1) : pointer;
  return path === "" ? [] : path.split("/").slice(1).map(unescapeSegment);
}

/** URI fragment (without `#`) for raw segments: `["paths", "/a/{id}", "get"]` → `/paths/~1a~1%7Bid%7D/get`. */
export function fragmentOf(segments: readonly string[]): string {
  return segments.map((s) => `/${encodeURIComponent(escapeSegment(s))}`).join("");
}

/** A fragment percent-decoded into a JSON Pointer; text that is not valid percent-encoding stays as written. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The raw segments of a `$ref` or fragment (`#/components/schemas/a~1b` → `["components", "schemas", "a/b"]`). */
export function refSegments(ref: string): string[] {
  const hash = ref.indexOf("#");
  const pointer = decodeFragment(hash >= 0 ? ref.slice(hash + 1) : ref);
  return pointer === "" ? [] : pointer.split("/").slice(1).map(unescapeSegment);
}

/** The value at a URI fragment (`/a/b`, with or without the leading `#`); undefined when absent. */
export function getAt(doc: unknown, fragment: string): unknown {
  const pointer = decodeFragment(fragment.startsWith("#") ? fragment.slice(1) : fragment);
  return atPointer(doc, `#${pointer}`);
}

/** The value an internal `$ref` (`#/components/schemas/Contact`) points at; undefined when absent or external. */
export function getByRef(doc: unknown, ref: string): unknown {
  return ref.startsWith("#") ? getAt(doc, ref) : undefined;
}

/**
 * Follows internal `$ref` chains from the value at `fragment`, returning the target and the fragment it lives at
 * (validators are compiled by location, not by copy). Stops, without throwing, at a cycle or a dangling ref.
 */
export function follow(doc: unknown, fragment: string): { value: unknown; fragment: string } {
  let at = fragment;
  let current = getAt(doc, at);
  const seen = new Set<string>();
  while (isRef(current) && current.$ref.startsWith("#")) {
    const ref = current.$ref.slice(1);
    if (seen.has(ref)) break;
    seen.add(ref);
    const target = getAt(doc, ref);
    if (target === undefined) break;
    current = target;
    at = ref;
  }
  return { value: current, fragment: at };
}

/**
 * Follows `$ref`s (chains included) until a non-reference object. Throws on a cycle of pure references or a
 * dangling one, naming the reference: for readers that need the target (the model, the docs).
 */
export function deref<T>(doc: unknown, value: T | { $ref: string }): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isRef(current)) {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`circular $ref chain at ${ref}`);
    seen.add(ref);
    const target = getByRef(doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target;
  }
  return current as T;
}

/** Like `deref`, but a cycle or a dangling ref gives undefined: for readers comparing two documents (the diff). */
export function tryDeref<T>(doc: unknown, value: T | { $ref: string } | undefined): T | undefined {
  try {
    return deref<T | undefined>(doc, value);
  } catch {
    return undefined;
  }
}
