/**
 * Redirects are followed by the runtime, not by fetch, so that nothing secret crosses origins. Same origin: the
 * request is repeated as fetch would (303, and 301/302 after POST, become GET without a body). Another origin
 * (scheme, host or port differ): only the content-negotiation headers survive; Authorization, cookies, API-key
 * and vendor headers, idempotency keys and the body are dropped. `redirect: "manual"` returns the 3xx response;
 * `"error"` refuses it with a RequestError.
 */
import { RequestError } from "./errors.js";
import type { TransportRequest } from "./transport.js";

export type RedirectMode = "follow" | "manual" | "error";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 10;
/** What a request to an unrelated host may still carry. */
const CROSS_ORIGIN_SAFE = new Set(["accept", "accept-language", "content-language", "user-agent"]);

export async function withRedirects(
  operationId: string,
  mode: RedirectMode,
  first: TransportRequest,
  send: (request: TransportRequest) => Promise<Response>,
): Promise<Response> {
  let request = first;
  for (let hop = 0; ; hop++) {
    const response = await send(request);
    if (mode === "manual" || !REDIRECTS.has(response.status)) return response;
    const location = response.headers.get("Location");
    if (location === null) return response;
    await response.body?.cancel();
    if (mode === "error") {
      throw new RequestError(
        operationId,
        `the server redirected (${response.status}) to ${location}; redirects are off`,
      );
    }
    if (hop >= MAX_HOPS) throw new RequestError(operationId, `more than ${MAX_HOPS} redirects`);
    let target: URL;
    try {
      target = new URL(location, request.url);
    } catch {
      throw new RequestError(operationId, `the server redirected to an invalid URL: ${location}`);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      throw new RequestError(operationId, `the server redirected to a non-HTTP URL: ${target.protocol}`);
    }
    request = nextRequest(request, response.status, target);
  }
}

function nextRequest(previous: TransportRequest, status: number, target: URL): TransportRequest {
  const toGet =
    status === 303 ? previous.method !== "HEAD" : (status === 301 || status === 302) && previous.method === "POST";
  const sameOrigin = new URL(previous.url).origin === target.origin;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(previous.headers)) {
    const lower = name.toLowerCase();
    if (!sameOrigin && !CROSS_ORIGIN_SAFE.has(lower)) continue;
    if ((toGet || !sameOrigin) && lower.startsWith("content-")) continue;
    headers[name] = value;
  }
  const next: TransportRequest = { method: toGet ? "GET" : previous.method, url: target.href, headers };
  if (previous.signal) next.signal = previous.signal;
  if (sameOrigin && !toGet && previous.body !== undefined) next.body = previous.body;
  return next;
}
