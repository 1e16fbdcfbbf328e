import type { OpenApiDocument, SchemaObject } from "../load/openapi-types.js";
import { isRef, tryDeref } from "../openapi/pointer.js";

/** The component name a schema points at, used to match variants and to stop recursion on cycles. */
export function refName(schema: unknown): string | undefined {
  return isRef(schema) ? schema.$ref : undefined;
}

/**
 * A schema with its `$ref` resolved and `allOf` folded in, so `allOf: [$ref]` + description (a common way to
 * document a referenced schema) compares equal to the referenced schema itself.
 */
export function normalizeSchema(doc: OpenApiDocument, input: SchemaObject | boolean | undefined): SchemaObject {
  const resolved = tryDeref<SchemaObject | boolean>(doc, input as SchemaObject | boolean | undefined);
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
