/**
 * OpenAPI requires operationIds to be unique; generated code keys operation types by them (`operations["getA"]`),
 * so a duplicate gives TypeScript two declarations of one member (TS2300) and points one path at the other's type.
 * Refused before emitting, naming both operations (docs/decisions/0100-duplicate-operation-ids.md).
 */
import type { LoadedDocument } from "./load.js";
import { SpecError } from "./spec-error.js";
import { escapeSegment as escape, getByRef } from "../openapi/pointer.js";

/** Follows an internal `$ref` (path items may be `$ref`s into components/pathItems in the bundled document). */
function deref(doc: unknown, node: unknown): unknown {
  const ref = node !== null && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof ref === "string" && ref.startsWith("#/") ? getByRef(doc, ref) : node;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function assertUniqueOperationIds(loaded: LoadedDocument): void {
  const seen = new Map<string, string>();
  for (const root of ["paths", "webhooks"] as const) {
    const items = loaded.doc[root] as Record<string, unknown> | undefined;
    for (const [key, raw] of Object.entries(items ?? {})) {
      const item = deref(loaded.doc, raw);
      if (item === null || typeof item !== "object") continue;
      for (const method of METHODS) {
        const id = (item as Record<string, { operationId?: unknown } | undefined>)[method]?.operationId;
        if (typeof id !== "string") continue;
        const pointer = `#/${root}/${escape(key)}/${method}`;
        const first = seen.get(id);
        if (first !== undefined) {
          throw new SpecError(
            loaded.file,
            `operationId ${JSON.stringify(id)} is used twice: at ${first} and at ${pointer} (OpenAPI requires unique operationIds)`,
            "rename one of the two operationIds",
            undefined,
          );
        }
        seen.set(id, pointer);
      }
    }
  }
}
