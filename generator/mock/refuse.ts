/**
 * Refusing a request that reached an operation. The mock's own error body names what was wrong; but when the
 * operation documents that status with a schema the mock's body does not fit (Stripe's `default` error object),
 * a strict client would see a spec violation, so the documented body is sent and the explanation moves to the
 * `x-mock-error` header. A status documented without content gets no body at all, only that header.
 */
import type { ServerResponse } from "node:http";
import { kindOf } from "./media.js";
import { buildReply, responseFor } from "./respond.js";
import type { MockOperation } from "./operation-types.js";
import type { Issue, SchemaRegistry } from "./schemas.js";
import { errorBody, explain, sendError, sendReply } from "./send.js";

export function refuse(
  registry: SchemaRegistry,
  res: ServerResponse,
  op: MockOperation,
  status: number,
  message: string,
  issues: Issue[] = [],
  headers: Record<string, string> = {},
): void {
  const response = responseFor(op, status);
  if (response && response.content.length === 0) {
    // Documented without content (Piriod's 401): any body would itself break the document, so the reason
    // travels in the `x-mock-error` header alone.
    return sendReply(res, { status }, op.id, explain(issues, message));
  }
  const media = response?.content.find((m) => kindOf(m.mediaType) === "json") ?? response?.content[0];
  const fits =
    !media?.schema ||
    (kindOf(media.mediaType) === "json" &&
      registry.check(media.schema, { direction: "response", prefix: "" }).run(errorBody(status, message, issues)).issues
        .length === 0);
  if (fits) return sendError(res, status, message, issues, headers);
  const reply = buildReply(registry, op, status, {
    pathParams: {},
    body: undefined,
    accept: media.mediaType,
    invalid: false,
  });
  sendReply(res, { ...reply, headers: { ...reply.headers, ...headers } }, op.id, explain(issues, message));
}
