/**
 * The intermediate model: pure data, built once from a bundled document and read by every emitter (types,
 * client, validators, docs, mock, diff). Spec text in it is raw; emitters escape it through generator/emit/safe.ts.
 */
import type { OpenApiVersion } from "../load/load.js";
import type { HttpMethod, JsonValue, OpenApiDocument, SchemaObject } from "../load/openapi-types.js";

export interface ApiModel {
  /** Short machine name from the config or --name: `pylon`. */
  name: string;
  /** PascalCase of `name`, used for `createPylonClient`, `PylonClient`. */
  pascalName: string;
  title: string;
  version: string;
  description?: string;
  openapiVersion: OpenApiVersion;
  /** Source file as given (relative), for messages and docs. */
  sourceFile: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Security requirement applying when an operation declares none (document-level `security`). */
  defaultSecurity: SecurityRequirement[];
  /** Header parameters required by every operation that are not auth: become typed client options. */
  clientHeaders: ParameterModel[];
  /** Sorted by group then method name. */
  operations: OperationModel[];
  /** Component schema names, sorted. Schemas themselves stay in `document`. */
  schemaNames: string[];
  /** The bundled document, for emitters that need raw schemas (types, validators, mock). */
  document: OpenApiDocument;
}

export interface ServerModel {
  url: string;
  description?: string;
  /** Path part of the URL with variables substituted by defaults, no trailing slash: `/main`, `` for none. */
  basePath: string;
}

export type SecuritySchemeKind =
  | { type: "bearer"; bearerFormat?: string }
  | { type: "basic" }
  /** apiKey in a header; `prefix` from `x-auth-prefix` (Piriod's `Token `). */
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; prefix?: string }
  | { type: "oauth2" | "openIdConnect" | "mutualTLS" | "other" };

export type SecuritySchemeModel = SecuritySchemeKind & {
  /** Key in components.securitySchemes. */
  key: string;
  /** camelCase identifier for the client option: `bearerAuth`, `sessionToken`. */
  optionName: string;
  description?: string;
};

/** One alternative of an operation's security: all named schemes together. Empty = anonymous allowed. */
export type SecurityRequirement = string[];

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: SchemaObject;
  example?: JsonValue;
  /** Safe camelCase identifier for use in generated code (path params become positional arguments). */
  identifier: string;
  /** Serialisation as documented (absent: the location's default). */
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** A `content` parameter: its media type. */
  contentMediaType?: string;
}

export interface MediaModel {
  mediaType: string;
  schema?: SchemaObject;
  /** First example found on the media type or its schema. */
  example?: JsonValue;
  /** OpenAPI 3.2 `itemSchema` (sequential media types such as `text/event-stream`). */
  itemSchema?: SchemaObject;
  /** The `encoding` object (multipart and form request bodies), per property. */
  encoding?: Record<string, EncodingModel>;
}

export interface EncodingModel {
  contentType?: string;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** Multipart: the part's documented headers (Content-Type left out), as header parameters, sorted by name. */
  headers?: ParameterModel[];
}

export interface RequestBodyModel {
  required: boolean;
  description?: string;
  /** Sorted; JSON-like media types first. */
  content: MediaModel[];
}

export interface ResponseModel {
  /** `200`, `404`, `4XX` or `default`. */
  status: string;
  description: string;
  content: MediaModel[];
  /** Declared response headers (Content-Type left out, as OpenAPI says), as header parameters: sorted by name. */
  headers: ParameterModel[];
  /** 2XX / 3XX. */
  isSuccess: boolean;
}

/** How a list operation pages (`x-pagination`, or detected); pointers are into the response body. */
export type { PaginationModel } from "../openapi/pagination.js";
import type { PaginationModel } from "../openapi/pagination.js";

export interface OperationModel {
  /** Unique within the API: the operationId, or one derived from method + path. */
  id: string;
  /** Identifier-safe form of `id` (camelCase). */
  identifier: string;
  /** Client namespace from the first tag (`memberName`: camelCase, may be a reserved word), `undefined` when untagged. */
  group?: string;
  /** Method name inside the group (`update` for updateContact in contacts); a member name, may be `delete`. */
  methodName: string;
  method: HttpMethod;
  /** Path template as written in the document: `/contacts/{id}/`. */
  path: string;
  /**
   * URI fragments into `document` of the operation object and its path item (after a path item's `$ref`):
   * `/paths/~1contacts/get`. For readers that compile checks by location rather than by copy (mock, conformance).
   */
  location: { operation: string; pathItem: string };
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** In path-template order. */
  pathParams: ParameterModel[];
  queryParams: ParameterModel[];
  /** Header params, excluding those hoisted into `clientHeaders` and auth headers. */
  headerParams: ParameterModel[];
  cookieParams: ParameterModel[];
  requestBody?: RequestBodyModel;
  /** Sorted by status. */
  responses: ResponseModel[];
  /** Effective security (operation-level or document default). */
  security: SecurityRequirement[];
  /** GET, HEAD, OPTIONS, PUT, DELETE, TRACE: retried by default. */
  idempotent: boolean;
  pagination?: PaginationModel;
}
