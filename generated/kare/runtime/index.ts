/** Public surface of the client runtime, re-exported by every generated client's index.ts. */
export { ApiError, RequestError, TimeoutError, ValidationError } from "./errors.js";
export { createRuntime, type Runtime } from "./call.js";
export type { BasicCredentials, Credential, SecuritySchemeSpec } from "./auth.js";
export type { ApiDescription, CallOptions, ClientOptionsBase, OperationSpec, ValidationEvent } from "./options.js";
export type { PaginationSpec } from "./paginate.js";
export type { RetryEnvironment, RetryOptions } from "./retry.js";
export type { FetchLike, Transport, TransportRequest, TransportResponse } from "./transport.js";
export type {
  ApiResult,
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
  Writable,
} from "./types.js";
export type { OperationValidators, ValidationIssue, ValidationMode, Validator } from "./validation.js";
