import type { OpenApiDocument } from "../load/openapi-types.js";

/** Decodes one JSON Pointer segment (RFC 6901). */
export function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Reads a value at an internal JSON Pointer such as `#/components/schemas/Contact`; undefined when absent. */
export function getByPointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith("#")) return undefined;
  const segments = pointer.slice(1).split("/").slice(1).map(decodePointerSegment);
  let node: unknown = doc;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment))
      return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Follows internal `$ref`s (chains included) until a non-reference object. Bundled documents only hold internal
 * references. Throws on a cycle of pure references or a dangling one, naming the reference.
 */
export function deref<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (current !== null && typeof current === "object" && typeof (current as { $ref?: unknown }).$ref === "string") {
    const ref = (current as { $ref: string }).$ref;
    if (seen.has(ref)) throw new Error(`circular $ref chain at ${ref}`);
    seen.add(ref);
    const target = getByPointer(doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target;
  }
  return current as T;
}
