/** What the mock knows of one operation: every parameter, body and response, by location in the document. */
import type { HttpMethod } from "../load/openapi-types.js";
import type { PaginationModel } from "../openapi/pagination.js";

export interface MockParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** Fragment of the parameter's schema (or of its `content` media schema). */
  schema?: string;
  style?: string;
  explode?: boolean;
  /** The value is JSON text (`content: application/json` instead of `schema`). */
  json: boolean;
}

export interface MockMedia {
  mediaType: string;
  /** Fragment of the schema, when one is documented. */
  schema?: string;
  /** Fragment of the OpenAPI 3.2 `itemSchema` (sequential media types such as `text/event-stream`). */
  itemSchema?: string;
  example?: unknown;
  /** The `encoding` object (multipart and form request bodies). */
  encoding?: Record<string, unknown>;
}

export interface MockResponseHeader {
  name: string;
  required: boolean;
  /** Fragment of the header's schema (a `content` header: its media type's schema). */
  schema?: string;
  example?: unknown;
  explode?: boolean;
  /** A `content` header: the value is sent as JSON. */
  json?: boolean;
}

export interface MockResponse {
  status: string;
  content: MockMedia[];
  headers: MockResponseHeader[];
}

export type SecurityRequirement = Record<string, string[]>;

/** How a list operation pages, as the model has it (declared by `x-pagination`, or detected). */
export type MockPagination = PaginationModel;

export interface MockOperation {
  id: string;
  pagination?: MockPagination;
  method: HttpMethod;
  path: string;
  params: MockParameter[];
  body?: { required: boolean; content: MockMedia[] };
  responses: MockResponse[];
  security: SecurityRequirement[];
}
