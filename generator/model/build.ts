import { pascalCase } from "../emit/safe.js";
import type { LoadedDocument } from "../load/load.js";
import {
  HTTP_METHODS,
  type HttpMethod,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
  type RequestBodyObject,
  type ResponseObject,
} from "../load/openapi-types.js";
import { mediaExample } from "./examples.js";
import { derivedOperationId, methodNameInGroup } from "./names.js";
import { collectParameters, headerParameters, orderPathParams } from "./parameters.js";
import { deref, follow, fragmentOf } from "../openapi/pointer.js";
import { isJsonLike } from "../openapi/media-types.js";
import { buildSecuritySchemes, toRequirements } from "./security.js";
import { buildServers } from "./servers.js";
import { hoistClientHeaders } from "./client-headers.js";
import { detectPagination } from "./pagination.js";
import { readPagination } from "../openapi/pagination.js";
import { claimName } from "../openapi/names.js";
import type { ApiModel, EncodingModel, MediaModel, OperationModel, RequestBodyModel, ResponseModel } from "./types.js";
import { camelCase, memberName } from "../emit/safe.js";

// QUERY (OpenAPI 3.2, RFC draft "safe method with body") is safe and idempotent.
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(["get", "head", "options", "put", "delete", "trace", "query"]);

/** Bundled document → intermediate model. Pure: same input, same model. */
export function buildModel(loaded: LoadedDocument, name: string): ApiModel {
  const doc = loaded.doc;
  const securitySchemes = buildSecuritySchemes(doc);
  const defaultSecurity = toRequirements(doc.security);
  const operations = uniqueNames(collectOperations(doc, defaultSecurity));
  const authHeaders = new Set(
    securitySchemes.flatMap((s) => (s.type === "apiKey" && s.in === "header" ? [s.name.toLowerCase()] : [])),
  );
  const clientHeaders = hoistClientHeaders(operations, authHeaders);
  return {
    name,
    pascalName: pascalCase(name),
    title: doc.info?.title ?? name,
    version: doc.info?.version ?? "0.0.0",
    description: doc.info?.description,
    openapiVersion: loaded.version,
    sourceFile: loaded.file,
    servers: buildServers(doc.servers),
    securitySchemes,
    defaultSecurity,
    clientHeaders,
    operations: operations.sort((a, b) => compare(a.group ?? "", b.group ?? "") || compare(a.methodName, b.methodName)),
    schemaNames: Object.keys(doc.components?.schemas ?? {}).sort(compare),
    document: doc,
  };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collectOperations(doc: OpenApiDocument, defaultSecurity: string[][]): OperationModel[] {
  const operations: OperationModel[] = [];
  for (const path of Object.keys(doc.paths ?? {})) {
    const pathItem = deref<PathItemObject>(doc, (doc.paths ?? {})[path] as PathItemObject);
    // Where the path item really lives (a `$ref` may lead into components/pathItems), for location readers.
    const itemAt = follow(doc, fragmentOf(["paths", path])).fragment;
    const at = (segments: string[]) => ({ pathItem: itemAt, operation: `${itemAt}${fragmentOf(segments)}` });
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation)
        operations.push(buildOperation(doc, path, method, pathItem, operation, defaultSecurity, at([method])));
    }
    // OpenAPI 3.2: any other method, modelled by its lower-case name (sent upper-case, as HTTP methods are).
    for (const [name, operation] of Object.entries(pathItem.additionalOperations ?? {})) {
      const method = name.toLowerCase() as HttpMethod;
      if (HTTP_METHODS.includes(method) || typeof operation !== "object" || operation === null) continue;
      const location = at(["additionalOperations", name]);
      operations.push(buildOperation(doc, path, method, pathItem, operation, defaultSecurity, location));
    }
  }
  return operations;
}

function buildOperation(
  doc: OpenApiDocument,
  path: string,
  method: HttpMethod,
  pathItem: PathItemObject,
  operation: OperationObject,
  defaultSecurity: string[][],
  location: OperationModel["location"],
): OperationModel {
  const id = operation.operationId ?? derivedOperationId(method, path);
  const tags = operation.tags ?? [];
  const params = collectParameters(doc, pathItem, operation);
  const requestBody = operation.requestBody
    ? buildRequestBody(doc, deref<RequestBodyObject>(doc, operation.requestBody))
    : undefined;
  return {
    id,
    identifier: camelCase(id),
    group: tags[0] === undefined ? undefined : memberName(tags[0]),
    methodName: tags[0] === undefined ? memberName(id) : methodNameInGroup(id, tags[0]),
    method,
    path,
    location,
    summary: operation.summary ?? pathItem.summary,
    description: operation.description ?? pathItem.description,
    deprecated: operation.deprecated === true,
    tags,
    pathParams: orderPathParams(path, params),
    queryParams: params.filter((p) => p.in === "query"),
    headerParams: params.filter((p) => p.in === "header"),
    cookieParams: params.filter((p) => p.in === "cookie"),
    requestBody,
    responses: buildResponses(doc, operation.responses ?? {}),
    security: operation.security ? toRequirements(operation.security) : defaultSecurity,
    idempotent: IDEMPOTENT.has(method),
    pagination:
      readPagination(operation["x-pagination"]) ??
      (operation["x-pagination"] === undefined
        ? detectPagination(
            doc,
            method,
            operation,
            params.filter((p) => p.in === "query"),
          )
        : undefined),
  };
}

function buildContent(doc: OpenApiDocument, content: Record<string, MediaTypeObject> | undefined): MediaModel[] {
  return Object.keys(content ?? {})
    .sort((a, b) => Number(isJsonLike(b)) - Number(isJsonLike(a)) || compare(a, b))
    .map((mediaType) => {
      const media = (content ?? {})[mediaType] as MediaTypeObject;
      const model: MediaModel = { mediaType, schema: media.schema, example: mediaExample(doc, media) };
      if (media.itemSchema !== undefined) model.itemSchema = media.itemSchema;
      const encoding = encodingOf(doc, media);
      if (encoding) model.encoding = encoding;
      return model;
    });
}

function encodingOf(doc: OpenApiDocument, media: MediaTypeObject): Record<string, EncodingModel> | undefined {
  if (typeof media.encoding !== "object" || media.encoding === null) return undefined;
  const out: Record<string, EncodingModel> = {};
  for (const [name, raw] of Object.entries(media.encoding)) {
    if (typeof raw !== "object" || raw === null) continue;
    const enc: EncodingModel = {};
    if (typeof raw.contentType === "string") enc.contentType = raw.contentType;
    if (typeof raw.style === "string") enc.style = raw.style;
    if (typeof raw.explode === "boolean") enc.explode = raw.explode;
    if (typeof raw.allowReserved === "boolean") enc.allowReserved = raw.allowReserved;
    const headers = typeof raw.headers === "object" && raw.headers !== null ? headerParameters(doc, raw.headers) : [];
    if (headers.length > 0) enc.headers = headers;
    out[name] = enc;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function buildRequestBody(doc: OpenApiDocument, body: RequestBodyObject): RequestBodyModel {
  return { required: body.required === true, description: body.description, content: buildContent(doc, body.content) };
}

function statusRank(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}

function buildResponses(doc: OpenApiDocument, responses: Record<string, unknown>): ResponseModel[] {
  return Object.keys(responses)
    .sort((a, b) => statusRank(a) - statusRank(b) || compare(a, b))
    .map((status) => {
      const response = deref<ResponseObject>(doc, responses[status] as ResponseObject);
      return {
        status,
        description: response.description ?? "",
        content: buildContent(doc, response.content),
        headers: headerParameters(doc, response.headers),
        isSuccess: /^[23]/.test(status),
      };
    });
}

/** Makes operation ids, identifiers and (group, methodName) pairs unique, deterministically, in document order. */
function uniqueNames(operations: OperationModel[]): OperationModel[] {
  const ids = new Set<string>();
  const identifiers = new Set<string>();
  const methods = new Set<string>();
  // Two tags whose names map to one group name (`a-b` and `a b`, or names without letters) stay two groups.
  const groupOfTag = new Map<string, string>();
  const groups = new Set<string>();
  for (const op of operations) {
    const tag = op.tags[0];
    if (tag !== undefined && op.group !== undefined) {
      let group = groupOfTag.get(tag);
      if (group === undefined) groupOfTag.set(tag, (group = claimName(groups, op.group)));
      op.group = group;
    }
    op.id = claimName(ids, op.id);
    op.identifier = claimName(identifiers, op.identifier);
    const key = (m: string) => `${op.group ?? ""}.${m}`;
    if (methods.has(key(op.methodName))) op.methodName = op.identifier;
    op.methodName = claimName(methods, key(op.methodName)).slice((op.group ?? "").length + 1);
  }
  return operations;
}
