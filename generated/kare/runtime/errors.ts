/**
 * Errors thrown (or returned) by generated clients. Each names the operation so a log line is enough to act on.
 */
import type { ValidationIssue } from "./validation.js";

const BRANDS = {
  ApiError: Symbol.for("contactgen.ApiError"),
  ValidationError: Symbol.for("contactgen.ValidationError"),
  RequestError: Symbol.for("contactgen.RequestError"),
  TimeoutError: Symbol.for("contactgen.TimeoutError"),
  ResponseTooLargeError: Symbol.for("contactgen.ResponseTooLargeError"),
} as const;

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * The server answered with a non-success status. `body` is typed per documented status by the generated client.
 * Error statuses always surface as ApiError, in every validation mode, so status handling (`status === 401`) keeps
 * working; in strict mode, what the error response breaks of the document (an undocumented status, body or media
 * type, a body off its schema) is carried in `issues` instead of replacing the error with a ValidationError.
 */
export class ApiError<
  TBody = unknown,
  TStatus extends number = number,
  THeaders = Readonly<Record<string, unknown>>,
> extends Error {
  override readonly name = "ApiError";
  /** Brand shared by every generated client's copy of the runtime, so `instanceof` works across clients. */
  readonly [BRANDS.ApiError] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BRANDS.ApiError);
  }
  constructor(
    readonly operationId: string,
    readonly status: TStatus,
    readonly body: TBody,
    readonly response: Response,
    readonly issues: readonly ValidationIssue[] = [],
    /** The response headers this status declares, read into their schema's types (raw text: `response.headers`). */
    readonly headers: THeaders = {} as THeaders,
  ) {
    const suffix =
      issues.length > 0 ? ` (and ${issues.length} issue(s) against the document: ${issues[0]?.message})` : "";
    super(`${operationId} failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}${suffix}`);
  }
}

/** A request or response did not match the document (strict mode). `response` is absent for request issues. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  /** Brand shared by every generated client's copy of the runtime, so `instanceof` works across clients. */
  readonly [BRANDS.ValidationError] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BRANDS.ValidationError);
  }
  constructor(
    readonly operationId: string,
    readonly phase: "request" | "response",
    readonly issues: ValidationIssue[],
    readonly response?: Response,
    readonly body?: unknown,
  ) {
    super(`${operationId}: ${phase} does not match the API description: ${summarise(issues)}`);
  }
}

/** The call was refused before anything was sent (unsafe header value, missing credential, bad path value). */
export class RequestError extends Error {
  override readonly name = "RequestError";
  /** Brand shared by every generated client's copy of the runtime, so `instanceof` works across clients. */
  readonly [BRANDS.RequestError] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BRANDS.RequestError);
  }
  constructor(
    readonly operationId: string,
    message: string,
  ) {
    super(`${operationId}: ${message}`);
  }
}

/** No response arrived within `timeoutMs` (per attempt). */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  /** Brand shared by every generated client's copy of the runtime, so `instanceof` works across clients. */
  readonly [BRANDS.TimeoutError] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BRANDS.TimeoutError);
  }
  constructor(
    readonly operationId: string,
    readonly timeoutMs: number,
  ) {
    super(`${operationId}: no response within ${timeoutMs} ms`);
  }
}

/** The response body exceeded `maxResponseBytes` (read is stopped there; never retried). */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  /** Brand shared by every generated client's copy of the runtime, so `instanceof` works across clients. */
  readonly [BRANDS.ResponseTooLargeError] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, BRANDS.ResponseTooLargeError);
  }
  constructor(
    readonly operationId: string,
    readonly limit: number,
    readonly response: Response,
  ) {
    super(
      `${operationId}: the response body is larger than maxResponseBytes (${limit}); raise the limit or use parseAs: "stream"`,
    );
  }
}

function summarise(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path || "/"} ${i.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}
