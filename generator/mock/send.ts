import type { ServerResponse } from "node:http";
import { kindOf } from "./media.js";
import type { Reply } from "./respond.js";
import type { Issue } from "./schemas.js";

const COMMON = { "access-control-allow-origin": "*", "cache-control": "no-store" };

const explained = new WeakMap<ServerResponse, string>();

/** Why the mock refused a request (for its log line), when it did. */
export function refusal(res: ServerResponse): string | undefined {
  return explained.get(res);
}

/** Every error the mock produces: JSON naming what was wrong, with a pointer per issue. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  issues: Issue[] = [],
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(errorBody(status, message, issues));
  if (res.headersSent || res.destroyed) return;
  explained.set(res, explain(issues, message));
  writeHead(res, status, {
    ...COMMON,
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** `{ error: { status, message, issues? } }`: the mock's own error body. */
export function errorBody(status: number, message: string, issues: Issue[]): unknown {
  return { error: { status, message, ...(issues.length > 0 ? { issues } : {}) } };
}

/** Explains a refusal whose body had to follow the document's error schema instead of the mock's own. */
export function explain(issues: Issue[], message: string): string {
  const first = issues[0];
  const text = first
    ? `${message}: ${first.path} ${first.message}${issues.length > 1 ? ` (+${issues.length - 1})` : ""}`
    : message;
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 1000);
}

export function sendReply(res: ServerResponse, reply: Reply, operationId: string, explanation?: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    ...reply.headers,
    ...COMMON,
    "x-mock-operation": encodeURIComponent(operationId),
  };
  if (explanation) {
    headers["x-mock-error"] = explanation;
    explained.set(res, explanation);
  }
  if (reply.violation) headers["x-mock-invalid"] = reply.violation.replace(/[^\x20-\x7e]/g, "?");
  if (reply.mediaType === undefined || reply.body === undefined) {
    if (reply.status >= 200 && reply.status !== 204 && reply.status !== 304) headers["content-length"] = 0;
    writeHead(res, reply.status, headers);
    res.end();
    return;
  }
  if (reply.body instanceof Uint8Array) {
    headers["content-type"] = reply.mediaType;
    headers["content-length"] = reply.body.byteLength;
    writeHead(res, reply.status, headers);
    res.end(reply.body);
    return;
  }
  const text =
    kindOf(reply.mediaType) === "json"
      ? JSON.stringify(reply.body)
      : typeof reply.body === "string"
        ? reply.body
        : JSON.stringify(reply.body);
  headers["content-type"] = reply.mediaType;
  headers["content-length"] = Buffer.byteLength(text);
  writeHead(res, reply.status, headers);
  res.end(text);
}

/** Headers go through setHeader (not writeHead's argument) so the log line can read them back after sending. */
function writeHead(res: ServerResponse, status: number, headers: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.writeHead(status);
}
