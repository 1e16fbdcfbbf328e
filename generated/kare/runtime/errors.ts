/**
 * Errors thrown (or returned) by generated clients. Each names the operation so a log line is enough to act on.
 */
import type { ValidationIssue } from "./validation.js";

/** The server answered with a non-success status. `body` is typed per documented status by the generated client. */
export class ApiError<TBody = unknown, TStatus extends number = number> extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly operationId: string,
    readonly status: TStatus,
    readonly body: TBody,
    readonly response: Response,
  ) {
    super(`${operationId} failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
}

/** A request or response did not match the document (strict mode). `response` is absent for request issues. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
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
  constructor(
    readonly operationId: string,
    readonly timeoutMs: number,
  ) {
    super(`${operationId}: no response within ${timeoutMs} ms`);
  }
}

function summarise(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path || "/"} ${i.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}
