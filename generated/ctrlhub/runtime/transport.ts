/**
 * The one seam to openapi-fetch (pinned; in maintenance mode since 2026-09). The runtime hands it a fully
 * prepared request (encoded path, serialised body, final headers, signal) and gets back the raw Response and its
 * body; retries, timeouts, auth and validation stay in this runtime, so replacing openapi-fetch means rewriting
 * only this file. See docs/decisions/0002-transport.md.
 */
import createClient from "openapi-fetch";

export type FetchLike = (input: Request) => Promise<Response>;

export interface TransportRequest {
  method: string;
  baseUrl: string;
  /** Already percent-encoded path, no query. */
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: BodyInit | undefined;
  signal: AbortSignal;
}

export interface TransportResponse {
  response: Response;
  /** undefined (no body), the body text, or (error statuses) openapi-fetch's JSON parse of it. */
  body: unknown;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** openapi-fetch's typed surface needs a `paths` type; the runtime works from its own operation table instead. */
interface UntypedClient {
  request(
    method: string,
    url: string,
    init: Record<string, unknown>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export function openapiFetchTransport(fetchImpl?: FetchLike): Transport {
  const client = createClient({
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    bodySerializer: (body: unknown) => body,
  }) as unknown as UntypedClient;
  return async (request) => {
    const result = await client.request(request.method, request.path, {
      baseUrl: request.baseUrl,
      params: { query: request.query },
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      parseAs: "text",
    });
    const body = result.response.ok ? result.data : result.error;
    return { response: result.response, body: body === "" ? undefined : body };
  };
}
