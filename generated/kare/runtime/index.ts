/** Public surface of the client runtime, re-exported by every generated client's index.ts. */
export { ApiError, RequestError, ResponseTooLargeError, TimeoutError, ValidationError } from "./errors.js";
export { createRuntime, type Runtime } from "./call.js";
export type { BasicCredentials, Credential, SecuritySchemeSpec } from "./auth.js";
export type { ApiDescription, CallOptions, ClientOptionsBase, OperationSpec, ValidationEvent } from "./options.js";
export type { PaginationSpec } from "./paginate.js";
export type { RetryEnvironment, RetryOptions } from "./retry.js";
export { fetchTransport, type FetchLike, type Transport, type TransportRequest } from "./transport.js";
export { openapiFetchTransport } from "./openapi-fetch-transport.js";
export type { ErrorContext, Hooks, RequestContext, ResponseContext } from "./hooks.js";
export type { ParseAs } from "./read.js";
export type { RedirectMode } from "./redirect.js";
export type { ServerSentEvent, SseOptions } from "./sse.js";
export type { FieldEncoding } from "./body.js";
export type { PartEncoding, PartHeaders, PartHeaderSpec } from "./multipart.js";
export type { ParamSpec } from "./params.js";
export type { HeaderScalar, ResponseHeaderSpec, ResponseHeadersSpec } from "./response-headers.js";
export type {
  ApiResult,
  BinaryBody,
  ParsedAs,
  SseData,
  CookieParams,
  HeaderParam,
  HeaderParams,
  Outcome,
  PageItem,
  PathParam,
  QueryParams,
  Readable,
  RequestBody,
  ResponseBody,
  ResponseHeader,
  Success,
  Writable,
} from "./types.js";
export type { OperationValidators, ValidationIssue, ValidationMode, Validator } from "./validation.js";
