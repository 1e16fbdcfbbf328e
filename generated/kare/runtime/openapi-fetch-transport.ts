/**
 * openapi-fetch (0.17, pinned, in maintenance mode) as a selectable transport:
 * `createXClient({ transport: openapiFetchTransport() })`. It builds and sends the request through its own
 * pipeline; the body is handed back unread, because openapi-fetch would decode it itself (text-then-JSON on errors,
 * which loses binary bodies). The only file that imports openapi-fetch.
 */
import createClient from "openapi-fetch";
import type { FetchLike, Transport } from "./transport.js";

interface UntypedClient {
  request(method: string, url: string, init: Record<string, unknown>): Promise<{ response: Response }>;
}

export function openapiFetchTransport(fetchImpl?: FetchLike): Transport {
  const client = createClient({ bodySerializer: (body: unknown) => body }) as unknown as UntypedClient;
  const send: FetchLike = fetchImpl ?? ((request) => globalThis.fetch(request));
  return async (request) => {
    const url = new URL(request.url);
    let raw: Response | undefined;
    await client.request(request.method, `${url.pathname}${url.search}`, {
      baseUrl: url.origin,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: "manual",
      ...(typeof ReadableStream !== "undefined" && request.body instanceof ReadableStream ? { duplex: "half" } : {}),
      // Keep the real response (body unread) and give openapi-fetch an empty one to "parse".
      fetch: async (req: Request) => {
        raw = await send(req);
        return new Response(null, { status: 204 });
      },
    });
    if (!raw) throw new Error("openapi-fetch did not send the request");
    return raw;
  };
}
