import {
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
} from "../load/openapi-types.js";
import { compareParameters } from "./parameters.js";
import { compareRequestBody, compareResponses } from "./bodies.js";
import { compareOperationSecurity } from "./security.js";
import type { OperationDiffInput } from "./operation-input.js";

export interface OperationEntry {
  /** As sent: `GET`, or an OpenAPI 3.2 `additionalOperations` key as written (`PURGE`). */
  method: string;
  path: string;
  /** `PATCH /contacts/{id}`: how changes name the operation. */
  label: string;
  op: OperationObject;
  pathItem: PathItemObject;
}

/** Path templates match when only parameter names differ: `/contacts/{id}` ≡ `/contacts/{contactId}`. */
const templateKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`;

export function indexOperations(doc: OpenApiDocument): Map<string, OperationEntry> {
  const result = new Map<string, OperationEntry>();
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    const operations: Array<[string, OperationObject | undefined]> = [
      ...HTTP_METHODS.map(
        (method) => [method.toUpperCase(), pathItem[method]] as [string, OperationObject | undefined],
      ),
      // OpenAPI 3.2: any other method, keyed as it is sent; reported exactly like the fixed ones.
      ...Object.entries(pathItem.additionalOperations ?? {}),
    ];
    for (const [method, op] of operations) {
      if (!op || typeof op !== "object") continue;
      result.set(templateKey(method, path), { method, path, op, pathItem, label: `${method} ${path}` });
    }
  }
  return result;
}

export function compareOperations({ oldDoc, newDoc, sink, graph }: OperationDiffInput): void {
  const before = indexOperations(oldDoc);
  const after = indexOperations(newDoc);
  const unmatchedNew = new Map([...after].filter(([key]) => !before.has(key)));
  for (const [key, old] of before) {
    const current = after.get(key) ?? takeById(unmatchedNew, old.op.operationId);
    if (!current) {
      const name = old.op.operationId ? `\`${old.op.operationId}\`` : old.label;
      sink.forOperation(old.label).add("operation-removed", "breaking", "operation", `operation ${name} removed`);
      continue;
    }
    const opSink = sink.forOperation(current.label);
    if (
      current.label !== old.label &&
      templateKey(old.method, old.path) !== templateKey(current.method, current.path)
    ) {
      opSink.add("operation-moved", "breaking", "operation", `moved from ${old.label} to ${current.label}`);
    }
    compareOperation({ oldDoc, newDoc, sink: opSink, graph }, old, current);
  }
  for (const entry of unmatchedNew.values()) {
    const name = entry.op.operationId ? `\`${entry.op.operationId}\`` : entry.label;
    sink.forOperation(entry.label).add("operation-added", "non-breaking", "operation", `operation ${name} added`);
  }
}

function takeById(candidates: Map<string, OperationEntry>, id: string | undefined): OperationEntry | undefined {
  if (!id) return undefined;
  for (const [key, entry] of candidates) {
    if (entry.op.operationId === id) {
      candidates.delete(key);
      return entry;
    }
  }
  return undefined;
}

function compareOperation(input: OperationDiffInput, old: OperationEntry, current: OperationEntry): void {
  const { sink } = input;
  const a = old.op;
  const b = current.op;
  if (a.operationId !== b.operationId) {
    sink.add(
      "operation-id-changed",
      "breaking",
      "operationId",
      `operationId changed from ${a.operationId ?? "none"} to ${b.operationId ?? "none"}: the client method is renamed`,
    );
  }
  if (a.tags?.[0] !== b.tags?.[0]) {
    sink.add(
      "operation-group-changed",
      "breaking",
      "tags",
      `first tag changed from ${a.tags?.[0] ?? "none"} to ${b.tags?.[0] ?? "none"}: the client method moves to another group`,
    );
  }
  for (const key of ["summary", "description"] as const) {
    if (a[key] !== b[key]) sink.add(`${key}-changed`, "docs", "operation", `${key} changed`);
  }
  if (!a.deprecated && b.deprecated) sink.add("deprecated", "non-breaking", "operation", "operation marked deprecated");
  if (a.deprecated && !b.deprecated)
    sink.add("undeprecated", "non-breaking", "operation", "operation no longer deprecated");
  compareParameters(input, effectiveParameters(old), effectiveParameters(current), old.path, current.path);
  compareRequestBody(input, a.requestBody, b.requestBody);
  compareResponses(input, a.responses ?? {}, b.responses ?? {});
  compareOperationSecurity(input, a.security ?? input.oldDoc.security, b.security ?? input.newDoc.security);
}

/** Path-item parameters apply unless the operation redefines the same name and location. */
function effectiveParameters(entry: OperationEntry): Array<ParameterObject | { $ref: string }> {
  return [...(entry.pathItem.parameters ?? []), ...(entry.op.parameters ?? [])];
}
