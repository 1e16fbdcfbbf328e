/**
 * Declared response headers for a generated client: the runtime's reading spec per status (shape and scalar types
 * from the schema, so `X-Rate-Limit-Remaining: integer` arrives as a number) and the TypeScript object type per
 * status, each value typed from types.ts (`ResponseHeader<Op, 200, "X-Rate-Limit-Remaining">`).
 */
import type { OpenApiDocument, SchemaObject } from "../../load/openapi-types.js";
import { deref } from "../../openapi/pointer.js";
import type { OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import type { HeaderScalar, ResponseHeaderSpec } from "../../runtime/response-headers.js";
import { EMPTY, join, ts, type Code } from "../code.js";
import { propertyKey, stringLiteral } from "../safe.js";
import type { ClientContext, OperationAlias } from "./context.js";

function typesOf(schema: SchemaObject): string[] {
  const type = schema.type;
  return Array.isArray(type) ? type.map(String) : typeof type === "string" ? [type] : [];
}

function scalarOf(doc: OpenApiDocument, schema: unknown): HeaderScalar | undefined {
  if (schema === undefined || typeof schema !== "object" || schema === null) return undefined;
  const types = typesOf(deref<SchemaObject>(doc, schema as SchemaObject));
  if (types.includes("string") || types.length === 0) return undefined;
  if (types.includes("number")) return "number";
  if (types.includes("integer")) return "integer";
  return types.includes("boolean") ? "boolean" : undefined;
}

export function headerSpec(doc: OpenApiDocument, header: ParameterModel): ResponseHeaderSpec {
  const spec: ResponseHeaderSpec = { name: header.name };
  if (header.explode !== undefined) spec.explode = header.explode;
  if (header.contentMediaType !== undefined) return { ...spec, content: header.contentMediaType };
  const schema = deref<SchemaObject>(doc, header.schema);
  const types = typesOf(schema);
  if (types.includes("array")) {
    spec.shape = "array";
    const items = scalarOf(doc, schema.items);
    if (items) spec.type = items;
  } else if (types.includes("object") || (types.length === 0 && typeof schema.properties === "object")) {
    spec.shape = "object";
    const props = (schema.properties ?? {}) as Record<string, unknown>;
    const typed = Object.keys(props)
      .sort()
      .flatMap((key) => {
        const type = scalarOf(doc, props[key]);
        return type ? [[key, type] as const] : [];
      });
    if (typed.length > 0) spec.properties = Object.fromEntries(typed);
  } else {
    const type = scalarOf(doc, schema);
    if (type) spec.type = type;
  }
  return spec;
}

/** The runtime's spec: per status that declares headers. Undefined when no response declares any. */
export function responseHeadersSpec(
  doc: OpenApiDocument,
  op: OperationModel,
): Record<string, ResponseHeaderSpec[]> | undefined {
  const declared = op.responses.filter((r) => r.headers.length > 0);
  if (declared.length === 0) return undefined;
  return Object.fromEntries(declared.map((r) => [r.status, r.headers.map((h) => headerSpec(doc, h))]));
}

/** `{ "X-Rate-Limit-Remaining": ResponseHeader<Op, 200, "X-Rate-Limit-Remaining">; … }` for one response. */
export function responseHeadersType(
  ctx: ClientContext,
  alias: OperationAlias,
  response: ResponseModel,
  status: Code,
): Code {
  if (response.headers.length === 0) return NO_HEADERS;
  const header = ctx.rt("ResponseHeader");
  const members = response.headers.map((h) => {
    const media = h.contentMediaType !== undefined ? ts`, ${stringLiteral(h.contentMediaType)}` : EMPTY;
    const type = ts`${header}<${alias.ref}, ${status}, ${stringLiteral(h.name)}${media}>`;
    return ts`${propertyKey(h.name)}${h.required ? EMPTY : ts`?`}: ${type}`;
  });
  return ts`{ ${join(members, "; ")} }`;
}

export const NO_HEADERS = ts`Record<string, never>`;
