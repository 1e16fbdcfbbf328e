/**
 * Options shared by every generated client, and the static description of an API the generator emits next to it.
 */
import type { Credential, BasicCredentials, SecuritySchemeSpec } from "./auth.js";
import type { RetryEnvironment, RetryOptions } from "./retry.js";
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
  /** Replaces the openapi-fetch transport. */
  transport?: Transport;
}

export interface CallOptions<Throw extends boolean = boolean> {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  validation?: ValidationMode;
  throwOnError?: Throw;
  baseUrl?: string;
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
  /** Request media type the body is sent as. */
  requestMediaType?: string;
  /** Media types sent in Accept. */
  accept?: readonly string[];
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
}
