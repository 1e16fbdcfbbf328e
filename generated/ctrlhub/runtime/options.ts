/**
 * Options shared by every generated client, and the static description of an API the generator emits next to it.
 */
import type { Credential, BasicCredentials, SecuritySchemeSpec } from "./auth.js";
import type { FieldEncoding } from "./body.js";
import type { Hooks } from "./hooks.js";
import type { PartHeaders } from "./multipart.js";
import type { ParamSpec } from "./params.js";
import type { ParseAs } from "./read.js";
import type { RedirectMode } from "./redirect.js";
import type { ResponseHeadersSpec } from "./response-headers.js";
import type { RetryEnvironment, RetryOptions } from "./retry.js";
import type { SseSpec } from "./sse.js";
import type { FetchLike, Transport } from "./transport.js";
import type { OperationValidators, ValidationIssue, ValidationMode } from "./validation.js";

export interface ValidationEvent {
  operationId: string;
  phase: "request" | "response";
  issues: ValidationIssue[];
  /** Present for response issues. */
  response?: Response;
}

export interface ClientOptionsBase<Throw extends boolean = true> {
  /** Defaults to the document's first server URL. */
  baseUrl?: string;
  /** true (default): HTTP error statuses throw ApiError. false: calls resolve to `{ data, error, response }`. */
  throwOnError?: Throw;
  /** Default "off". "warn" reports through onValidationIssue; "strict" throws ValidationError. */
  validation?: ValidationMode;
  /** Called in "warn" mode (default: console.warn). */
  onValidationIssue?: (event: ValidationEvent) => void;
  /** Per attempt, including reading the body. No timeout when absent. */
  timeoutMs?: number;
  /** Retries on network errors and 408/425/429/5xx; on for idempotent methods unless `false`. */
  retry?: RetryOptions | false;
  /** Replaces globalThis.fetch (receives a Request). */
  fetch?: FetchLike;
  /** Validators per operation id; defaults to the generated validators.ts when it exists. */
  validators?: Readonly<Record<string, OperationValidators>>;
  /** Injectable clock, sleep and randomness (tests). */
  retryEnvironment?: Partial<RetryEnvironment>;
  /** Replaces the default fetch transport (e.g. `openapiFetchTransport()`); `fetch` is then ignored. */
  transport?: Transport;
  /** Largest response body read into memory (default 32 MiB); `parseAs: "stream"` is not bounded. */
  maxResponseBytes?: number;
  /** Called around every request of every call (before the call's own hooks). */
  hooks?: Hooks;
  /** "follow" (default): cross-origin hops drop credentials, vendor headers and the body; see redirect.ts. */
  redirect?: RedirectMode;
  /**
   * Send an idempotency key with every unsafe request (POST, PATCH), reused across its retries, which it makes
   * safe to retry. `true` uses `Idempotency-Key`; a string names the header. Operations that document an
   * `Idempotency-Key` header parameter get one anyway when the caller passes none.
   */
  idempotencyKeys?: boolean | string;
}

export interface CallOptions<Throw extends boolean = boolean> {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  validation?: ValidationMode;
  throwOnError?: Throw;
  baseUrl?: string;
  /** Extra request headers for this call (documented header parameters are typed per operation). */
  headers?: Readonly<Record<string, unknown>> | undefined;
  /** How to read the response body: by its Content-Type (default), or as json, text, blob, arrayBuffer, stream. */
  parseAs?: ParseAs;
  /** Request media type to send the body as (one the operation documents; default: the first JSON one). */
  contentType?: string;
  /** multipart/form-data: headers per part, by field name (the ones a part's `encoding` declares are typed). */
  partHeaders?: PartHeaders | undefined;
  maxResponseBytes?: number;
  hooks?: Hooks;
  redirect?: RedirectMode;
  /** The idempotency key to send (default: a random UUID per call, reused across its retries). */
  idempotencyKey?: string;
}

/** Static facts the generator extracts from the document. */
export interface ApiDescription {
  name: string;
  defaultBaseUrl?: string;
  securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  /** Client-level header options: option identifier → header name. */
  clientHeaders: readonly { option: string; name: string }[];
  validators?: Readonly<Record<string, OperationValidators>>;
  /**
   * Loads validators.ts on the first call that validates: a client with validation `off` never loads it (issue 11:
   * Stripe's is 1.9 MB of code).
   */
  loadValidators?: () => Promise<Readonly<Record<string, OperationValidators>>>;
}

export interface OperationSpec {
  id: string;
  method: string;
  path: string;
  security: readonly (readonly string[])[];
  idempotent: boolean;
  /** Request media types as documented, the default (first JSON-like) first. */
  requestMedia?: readonly string[];
  /** The `encoding` object per request media type (multipart and form bodies). */
  encoding?: Readonly<Record<string, Readonly<Record<string, FieldEncoding>>>>;
  /** Media types sent in Accept. */
  accept?: readonly string[];
  /** Parameters serialised otherwise than by their location's default style (or `content`-encoded). */
  params?: readonly ParamSpec[];
  /** The documented idempotency-key header parameter, filled in when the caller passes none. */
  idempotencyHeader?: string;
  /** `text/event-stream` success responses: read as an async iterator of events. */
  sse?: SseSpec;
  /** Declared response headers per status, read into typed values for results and ApiErrors. */
  responseHeaders?: ResponseHeadersSpec;
}

export type Credentials = Readonly<Record<string, Credential<string> | Credential<BasicCredentials> | undefined>>;

/** What the generated method passes to the runtime for one call. */
/** `| undefined` on each part: the client passes `options?.query` through as is (exactOptionalPropertyTypes). */
export interface CallInput {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, unknown> | undefined;
  cookies?: Record<string, unknown> | undefined;
  body?: unknown;
  /** A whole next-page URL (Link header, next URL in the body), used instead of path and query. */
  url?: string | undefined;
}
