/** JSON Pointer helpers for reading a bundled document (internal references only). */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** URI fragment (without `#`) for a document location given as raw segments: `["paths", "/a/{id}", "get"]`. */
export function fragmentOf(segments: readonly string[]): string {
  return segments.map((s) => `/${encodeURIComponent(escapeSegment(s))}`).join("");
}

function decodeSegment(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // A segment that is not percent-encoded stays as written.
  }
  return text.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Reads the value at a fragment (`/a/b`, URI-encoded JSON Pointer); undefined when absent. */
export function getAt(doc: unknown, fragment: string): unknown {
  if (fragment === "") return doc;
  let node: unknown = doc;
  for (const segment of fragment.split("/").slice(1).map(decodeSegment)) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Follows internal `$ref` chains from the value at `fragment`, returning the target and the fragment it lives
 * at, so validators can be compiled by reference rather than by copying (copies would break nested references).
 */
export function follow(doc: unknown, fragment: string): { value: unknown; fragment: string } {
  let at = fragment;
  let current = getAt(doc, at);
  const seen = new Set<string>();
  while (isRecord(current) && typeof current.$ref === "string" && current.$ref.startsWith("#")) {
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
