/**
 * The transport seam: one prepared request in (final URL, headers, serialised body, signal), the raw Response out,
 * body unread. The runtime reads the body itself (by media type or `parseAs`, within `maxResponseBytes`), follows
 * redirects itself (credentials never cross origins) and owns retries, timeouts, auth and validation; so a
 * transport is ~20 lines. The default calls `fetch` directly; openapi-fetch stays selectable
 * (`openapiFetchTransport`, see docs/decisions/0120-own-transport.md).
 */
export type FetchLike = (input: Request) => Promise<Response>;

export interface TransportRequest {
  method: string;
  /** Absolute URL: base URL, encoded path and serialised query. */
  url: string;
  headers: Record<string, string>;
  body?: BodyInit | undefined;
  /** Absent when the call has neither a timeout nor a caller's signal. */
  signal?: AbortSignal | undefined;
}

export type Transport = (request: TransportRequest) => Promise<Response>;

function init(request: TransportRequest): RequestInit {
  const out: RequestInit & { duplex?: "half" } = {
    method: request.method,
    headers: request.headers,
    // The runtime decides which redirects to follow and what survives them (see redirect.ts).
    redirect: "manual",
  };
  if (request.signal) out.signal = request.signal;
  if (request.body !== undefined) {
    out.body = request.body;
    // A ReadableStream body needs half-duplex in Node's fetch (and is refused without it).
    if (typeof ReadableStream !== "undefined" && request.body instanceof ReadableStream) out.duplex = "half";
  }
  return out;
}

/** The default transport: `fetch(url, init)`; a `fetch` option receives a Request instead (as it always has). */
export function fetchTransport(fetchImpl?: FetchLike): Transport {
  if (fetchImpl) return (request) => fetchImpl(new Request(request.url, init(request)));
  return (request) => globalThis.fetch(request.url, init(request));
}
