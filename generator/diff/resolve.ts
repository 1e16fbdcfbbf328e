import type { OpenApiDocument, SchemaObject } from "../load/openapi-types.js";

/** Follows an internal `#/...` JSON Pointer; external refs are already inlined by the loader's bundle step. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Resolves a chain of `$ref`s (e.g. a parameter or response object); stops on cycles. */
export function deref<T>(doc: OpenApiDocument, value: T | { $ref: string } | undefined): T | undefined {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isRef(current)) {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = resolvePointer(doc, current.$ref);
  }
  return current as T | undefined;
}

export function isRef(value: unknown): value is { $ref: string } {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** The component name a schema points at, used to match variants and to stop recursion on cycles. */
export function refName(schema: unknown): string | undefined {
  return isRef(schema) ? schema.$ref : undefined;
}

/**
 * A schema with its `$ref` resolved and `allOf` folded in, so `allOf: [$ref]` + description (a common way to
 * document a referenced schema) compares equal to the referenced schema itself.
 */
export function normalizeSchema(doc: OpenApiDocument, input: SchemaObject | boolean | undefined): SchemaObject {
  const resolved = deref<SchemaObject | boolean>(doc, input as SchemaObject | boolean | undefined);
  if (resolved === undefined || resolved === true) return {};
  if (resolved === false) return { not: {} };
  if (!resolved.allOf || resolved.allOf.length === 0) return resolved;
  const { allOf, ...rest } = resolved;
  let merged: SchemaObject = {};
  for (const part of allOf) merged = mergeSchemas(merged, normalizeSchema(doc, part));
  return mergeSchemas(merged, rest);
}

/** The conjunction of two schemas, approximated: properties and `required` union, the later keyword wins. */
function mergeSchemas(a: SchemaObject, b: SchemaObject): SchemaObject {
  const merged: SchemaObject = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...a.properties, ...b.properties };
  if (a.required || b.required) merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  return merged;
}
