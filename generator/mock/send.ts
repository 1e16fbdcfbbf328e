import type { ServerResponse } from "node:http";
import { kindOf } from "./media.js";
import type { Reply } from "./respond.js";
import type { Issue } from "./schemas.js";

const COMMON = { "access-control-allow-origin": "*", "cache-control": "no-store" };

/** Every error the mock produces: JSON naming what was wrong, with a pointer per issue. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  issues: Issue[] = [],
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: { status, message, ...(issues.length > 0 ? { issues } : {}) } });
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...COMMON,
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendReply(res: ServerResponse, reply: Reply, operationId: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    ...reply.headers,
    ...COMMON,
    "x-mock-operation": encodeURIComponent(operationId),
  };
  if (reply.violation) headers["x-mock-invalid"] = reply.violation.replace(/[^\x20-\x7e]/g, "?");
  if (reply.mediaType === undefined || reply.body === undefined) {
    if (reply.status >= 200 && reply.status !== 204 && reply.status !== 304) headers["content-length"] = 0;
    res.writeHead(reply.status, headers);
    res.end();
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
  res.writeHead(reply.status, headers);
  res.end(text);
}
