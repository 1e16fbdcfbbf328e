/**
 * A loose, structural view of an OpenAPI 3.0/3.1 document: enough typing for the pipeline to walk it safely
 * without pretending third-party documents are well-formed. Unknown fields stay reachable through the index
 * signatures, and every value read from it must still be checked at run time.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type SchemaObject = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: JsonValue[];
  const?: JsonValue;
  properties?: Record<string, SchemaObject | boolean>;
  required?: string[];
  items?: SchemaObject | boolean;
  additionalProperties?: SchemaObject | boolean;
  allOf?: Array<SchemaObject | boolean>;
  anyOf?: Array<SchemaObject | boolean>;
  oneOf?: Array<SchemaObject | boolean>;
  readOnly?: boolean;
  writeOnly?: boolean;
  description?: string;
  title?: string;
  default?: JsonValue;
  example?: JsonValue;
  examples?: JsonValue[];
  [keyword: string]: unknown;
};

export interface ReferenceObject {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  schema?: SchemaObject;
  content?: Record<string, MediaTypeObject>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  example?: JsonValue;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  [extension: `x-${string}`]: unknown;
}

export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: JsonValue;
  externalValue?: string;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  /** OpenAPI 3.2: the schema of each item of a sequential media type (`text/event-stream`, `application/jsonl`). */
  itemSchema?: SchemaObject;
  example?: JsonValue;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  encoding?: Record<string, EncodingObject>;
}

export interface EncodingObject {
  contentType?: string;
  headers?: Record<string, unknown>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Array<ParameterObject | ReferenceObject>;
  requestBody?: RequestBodyObject | ReferenceObject;
  responses?: Record<string, ResponseObject | ReferenceObject>;
  security?: Array<Record<string, string[]>>;
  servers?: ServerObject[];
  [extension: `x-${string}`]: unknown;
}

/** OpenAPI 3.2 adds `query`; its `additionalOperations` (any other method) are read beside these. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" | "query";
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
  "query",
];

export type PathItemObject = {
  $ref?: string;
  summary?: string;
  description?: string;
  parameters?: Array<ParameterObject | ReferenceObject>;
  servers?: ServerObject[];
  /** OpenAPI 3.2: operations of other methods, keyed by the method as sent (`PURGE`). */
  additionalOperations?: Record<string, OperationObject>;
} & Partial<Record<HttpMethod, OperationObject>>;

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface SecuritySchemeObject {
  type: "apiKey" | "http" | "oauth2" | "openIdConnect" | "mutualTLS";
  description?: string;
  name?: string;
  in?: "query" | "header" | "cookie";
  scheme?: string;
  bearerFormat?: string;
  [extension: `x-${string}`]: unknown;
}

export interface ComponentsObject {
  schemas?: Record<string, SchemaObject | boolean>;
  responses?: Record<string, ResponseObject | ReferenceObject>;
  parameters?: Record<string, ParameterObject | ReferenceObject>;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  requestBodies?: Record<string, RequestBodyObject | ReferenceObject>;
  headers?: Record<string, unknown>;
  securitySchemes?: Record<string, SecuritySchemeObject | ReferenceObject>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: ServerObject[];
  paths?: Record<string, PathItemObject>;
  webhooks?: Record<string, PathItemObject>;
  components?: ComponentsObject;
  security?: Array<Record<string, string[]>>;
  tags?: Array<{ name: string; description?: string }>;
  [key: string]: unknown;
}
