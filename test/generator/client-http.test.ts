/**
 * Client features over real HTTP on 127.0.0.1, with a client generated from test/fixtures/files.yaml: every
 * parameter style against the mock (which parses with the same module and refuses the wrong form), redirects
 * across two loopback servers, header checks, per-call headers, hooks, idempotency keys, result mode, and a
 * 1,000-event SSE stream with a reconnect part-way.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { cleanupScratch, generateInto } from "./helpers.js";
import { json, startServer, type Reply, type TestServer } from "./server.js";

type Call = (...args: unknown[]) => Promise<unknown>;
type Events = (options?: Record<string, unknown>) => AsyncIterable<{ id?: string; event: string; data: unknown }>;
interface FilesModule {
  createFilesClient: (options: Record<string, unknown>) => Record<string, Call> & { streamTicksEvents: Events };
  ApiError: new (...args: never[]) => Error;
  RequestError: new (...args: never[]) => Error;
}

const SPEC = "test/fixtures/files.yaml";
let mod: FilesModule;
let mock: MockServer;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  const dir = await generateInto(SPEC, "files");
  mod = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as FilesModule;
  mock = await startMock({ file: SPEC });
  [a, b] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([mock?.close(), a?.close(), b?.close()]);
  await cleanupScratch();
});
beforeEach(() => {
  for (const server of [a, b]) {
    server.requests.length = 0;
    server.reply(json(200, {}));
  }
});

const client = (options: Record<string, unknown> = {}) =>
  mod.createFilesClient({ baseUrl: mock.url, retry: false, ...options });

const styleArgs = [
  ["a", "b"],
  ["x", "y"],
  { R: 1, G: 2, B: 3 },
  {
    query: {
      ids: [1, 2],
      words: ["hello", "world"],
      pipes: ["p", "q"],
      color: { R: 10 },
      redirect: "https://x.test/y?z=1",
      where: { lat: 1.5, long: 2 },
    },
    headers: { "X-Tags": ["t1", "t2"] },
    cookies: { session: "s 1" },
  },
];

describe("parameter styles", () => {
  it("are sent as the document declares them", async () => {
    await mod.createFilesClient({ baseUrl: a.url }).getStyles!(...styleArgs);
    const sent = a.requests[0]!;
    expect(sent.url).toBe(
      "/styles/a,b/.x,y/;R=1;G=2;B=3?ids=1,2&words=hello%20world&pipes=p%7Cq&color%5BR%5D=10" +
        "&redirect=https://x.test/y?z=1&where=%7B%22lat%22%3A1.5%2C%22long%22%3A2%7D",
    );
    expect(sent.headers["x-tags"]).toBe("t1,t2");
    expect(sent.headers.cookie).toBe("session=s%201");
  });

  it("are accepted by the mock, which reads them with the same rules", async () => {
    await expect(client().getStyles!(...styleArgs)).resolves.toEqual({ ok: expect.any(Boolean) as unknown });
  });

  it.each([
    ["ids repeated for explode: false", "/styles/a/.x/;R=1?ids=1&ids=2", /ids.*given 2 times/],
    ["words repeated for spaceDelimited", "/styles/a/.x/;R=1?words=a&words=b", /words/],
    ["a label value without its dot", "/styles/a/x/;R=1", /label/],
    ["a matrix value without its name", "/styles/a/.x/R=1", /matrix/],
    ["an id that is not an integer", "/styles/a/.x/;R=1?ids=1,x", /ids/],
  ])("the mock refuses %s", async (_name, url, message) => {
    const response = await fetch(`${mock.url}${url}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
  });
});

function redirectTo(target: () => string, status = 307): Reply {
  return (_req, res) => {
    res.writeHead(status, { Location: target() });
    res.end();
  };
}

describe("redirects", () => {
  const secrets = { Authorization: "Bearer t0ken", "X-Api-Key": "k3y", "X-Workspace": "ws_1" };

  it("to another origin drop credentials, vendor headers, cookies and the body", async () => {
    a.reply(redirectTo(() => `${b.url}/notes/n1`));
    b.reply((_req, res) => void res.writeHead(204).end());
    await mod.createFilesClient({ baseUrl: a.url }).putNote!("n1", { text: "secret body" }, { headers: secrets });
    expect(a.requests[0]?.headers.authorization).toBe("Bearer t0ken");
    const hop = b.requests[0]!;
    expect(hop.method).toBe("PUT");
    expect(hop.body).toBe("");
    for (const name of ["authorization", "x-api-key", "x-workspace", "cookie", "content-type"]) {
      expect(hop.headers[name]).toBeUndefined();
    }
  });

  it("within the origin keep them (303 becomes GET without a body)", async () => {
    a.reply(
      redirectTo(() => `${a.url}/notes/n2`),
      (_req, res) => void res.writeHead(204).end(),
    );
    await mod.createFilesClient({ baseUrl: a.url }).putNote!("n1", { text: "kept" }, { headers: secrets });
    expect(a.requests[1]).toMatchObject({ method: "PUT", url: "/notes/n2", body: '{"text":"kept"}' });
    expect(a.requests[1]?.headers["x-api-key"]).toBe("k3y");
    a.reply(
      redirectTo(() => `${a.url}/notes/n3`, 303),
      (_req, res) => void res.writeHead(204).end(),
    );
    await mod.createFilesClient({ baseUrl: a.url }).putNote!("n1", { text: "gone" });
    expect(a.requests[3]).toMatchObject({ method: "GET", url: "/notes/n3", body: "" });
  });

  it('are returned as they are with redirect: "manual", refused with "error"', async () => {
    a.reply(redirectTo(() => `${b.url}/x`));
    const manual = (await mod.createFilesClient({ baseUrl: a.url, redirect: "manual" }).getNote!("n").catch(
      (e: unknown) => e,
    )) as { status: number };
    expect(manual).toBeInstanceOf(mod.ApiError);
    expect(manual.status).toBe(307);
    await expect(mod.createFilesClient({ baseUrl: a.url, redirect: "error" }).getNote!("n")).rejects.toThrow(
      /redirected \(307\)/,
    );
    expect(b.requests).toHaveLength(0);
  });
});

describe("headers, hooks, idempotency, result mode", () => {
  it("per-call headers are sent", async () => {
    a.reply((_req, res) => void res.writeHead(200, { "Content-Type": "text/plain" }).end("hi"));
    await mod.createFilesClient({ baseUrl: a.url }).getNote!("n", { headers: { "X-Request-Id": "r-1" } });
    expect(a.requests[0]?.headers["x-request-id"]).toBe("r-1");
  });

  it("a non-Latin-1 header value is a clear RequestError, not sent and not retried", async () => {
    const call = mod.createFilesClient({ baseUrl: a.url }).getNote!("n", { headers: { "X-Name": "Zoë ✓" } });
    await expect(call).rejects.toBeInstanceOf(mod.RequestError);
    await expect(call).rejects.toThrow(/X-Name.*U\+2713.*Latin-1/);
    expect(a.requests).toHaveLength(0);
  });

  it("errors raised before sending throw even with throwOnError: false; HTTP errors are returned", async () => {
    const results = mod.createFilesClient({ baseUrl: a.url, throwOnError: false });
    await expect(results.getNote!("n", { headers: { "X-Bad": "line\nbreak" } })).rejects.toBeInstanceOf(
      mod.RequestError,
    );
    a.reply(json(404, { message: "no" }));
    const result = (await results.getNote!("n")) as { error: { status: number }; response: Response };
    expect(result.error.status).toBe(404);
    expect(result.response.status).toBe(404);
  });

  it("hooks run client first, then per call: onRequest may replace the request, onResponse sees it", async () => {
    const order: string[] = [];
    a.reply((_req, res) => void res.writeHead(200, { "Content-Type": "text/plain" }).end("ok"));
    const hooked = mod.createFilesClient({
      baseUrl: a.url,
      hooks: {
        onRequest: ({ request }: { request: Request }) => {
          order.push("client:request");
          const headers = new Headers(request.headers);
          headers.set("X-Signed", "sig");
          return new Request(request, { headers });
        },
        onResponse: ({ response }: { response: Response }) => void order.push(`client:response ${response.status}`),
      },
    });
    const text = await hooked.getNote!("n", {
      hooks: {
        onRequest: ({ request }: { request: Request }) =>
          void order.push(`call:request ${request.headers.get("x-signed")}`),
        onResponse: () => void order.push("call:response"),
      },
    });
    expect(text).toBe("ok");
    expect(a.requests[0]?.headers["x-signed"]).toBe("sig");
    expect(order).toEqual(["client:request", "call:request sig", "client:response 200", "call:response"]);
  });

  it("onError sees a network error", async () => {
    const errors: unknown[] = [];
    const dead = mod.createFilesClient({
      baseUrl: "http://127.0.0.1:9",
      retry: false,
      hooks: { onError: ({ error }: { error: unknown }) => void errors.push(error) },
    });
    await expect(dead.getNote!("n")).rejects.toThrow();
    expect(errors).toHaveLength(1);
  });

  it("an unsafe call gets an idempotency key, the same on every retry (which the key makes safe)", async () => {
    a.reply(json(503, {}), json(201, { item: "x" }));
    const retrying = mod.createFilesClient({ baseUrl: a.url, retryEnvironment: { sleep: async () => {} } });
    await expect(retrying.createOrder!({ item: "x" })).resolves.toEqual({ item: "x" });
    const keys = a.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    a.reply(json(201, {}));
    await retrying.createOrder!({ item: "y" }, { idempotencyKey: "order-y" });
    expect(a.requests[2]?.headers["idempotency-key"]).toBe("order-y");
    await retrying.uploadFile!({ file: new Blob(["x"]), caption: "c" }, { retry: false });
    expect(a.requests[3]?.headers["idempotency-key"]).toBeUndefined();
    const everywhere = mod.createFilesClient({ baseUrl: a.url, idempotencyKeys: "X-Once" });
    await everywhere.uploadFile!({ file: new Blob(["x"]), caption: "c" });
    expect(a.requests[4]?.headers["x-once"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("server-sent events", () => {
  it("1,000 typed events arrive in order across a reconnect with Last-Event-ID", async () => {
    const lastIds: (string | null)[] = [];
    const ids: string[] = [];
    for await (const event of client().streamTicksEvents({
      headers: { "x-mock-sse-events": "1000", "x-mock-sse-drop-after": "499" },
      reconnectDelayMs: 5,
      hooks: {
        onRequest: ({ request }: { request: Request }) => void lastIds.push(request.headers.get("last-event-id")),
      },
    })) {
      expect(event.event).toBe("tick");
      expect(typeof (event.data as { n: unknown }).n).toBe("number");
      ids.push(event.id ?? "");
    }
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
    expect(lastIds).toEqual([null, "499"]);
  });

  it("an abort ends the stream with the abort reason", async () => {
    const controller = new AbortController();
    let seen = 0;
    const run = async (): Promise<void> => {
      for await (const _event of client().streamTicksEvents({
        headers: { "x-mock-sse-events": "100000" },
        signal: controller.signal,
      })) {
        if (++seen === 10) controller.abort(new Error("enough"));
      }
    };
    await expect(run()).rejects.toThrow("enough");
    expect(seen).toBe(10);
  });

  it("breaking out of the loop closes the connection", async () => {
    // Resolved by the server seeing the close: waited for as an event, so a slow machine only makes it later.
    let markClosed!: () => void;
    const closed = new Promise<true>((resolve) => (markClosed = () => resolve(true)));
    const endless = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      const timer = setInterval(() => res.write('data: {"n":1}\n\n'), 2);
      res.on("close", () => {
        clearInterval(timer);
        markClosed();
      });
    });
    await new Promise<void>((resolve) => endless.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = endless.address() as AddressInfo;
      let seen = 0;
      for await (const _event of client({ baseUrl: `http://127.0.0.1:${port}` }).streamTicksEvents()) {
        if (++seen === 5) break;
      }
      expect(await closed).toBe(true);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });
});

describe("pagination styles", () => {
  const ticks = (...ns: number[]) => ns.map((n) => ({ n }));
  const pager = () =>
    mod.createFilesClient({ baseUrl: a.url }) as unknown as Record<
      string,
      (...args: unknown[]) => AsyncIterable<{ n: number }>
    >;
  const all = async (iterable: AsyncIterable<{ n: number }>) => {
    const out: number[] = [];
    for await (const item of iterable) out.push(item.n);
    return out;
  };

  it("offset/limit (detected): advances by each page's length, stops at the total", async () => {
    a.reply(json(200, { items: ticks(1, 2), total: 3 }), json(200, { items: ticks(3), total: 3 }));
    expect(await all(pager().listByOffsetAll!({ query: { limit: 2 } }))).toEqual([1, 2, 3]);
    expect(a.requests.map((r) => r.url)).toEqual(["/pages/offset?limit=2", "/pages/offset?limit=2&offset=2"]);
  });

  it("page numbers (detected): counts up, stops at total_pages", async () => {
    a.reply(
      json(200, { data: ticks(1), meta: { total_pages: 2 } }),
      json(200, { data: ticks(2), meta: { total_pages: 2 } }),
    );
    expect(await all(pager().listByPageAll!())).toEqual([1, 2]);
    expect(a.requests.map((r) => r.url)).toEqual(["/pages/number", "/pages/number?page=2"]);
  });

  it("RFC 8288 Link (detected): follows rel=next until there is none", async () => {
    a.reply(
      json(200, ticks(1), { Link: `<${"/pages/link?after=1"}>; rel="next", </pages/link>; rel="first"` }),
      json(200, ticks(2), { Link: '</pages/link>; rel="first"' }),
    );
    expect(await all(pager().listByLinkAll!())).toEqual([1, 2]);
    expect(a.requests.map((r) => r.url)).toEqual(["/pages/link", "/pages/link?after=1"]);
  });

  it("a next-page URL in the body (detected), only on the API's origin", async () => {
    a.reply(
      json(200, { results: ticks(1), links: { next: `${a.url}/pages/next?cursor=c2` } }),
      json(200, { results: ticks(2), links: {} }),
    );
    expect(await all(pager().listByNextUrlAll!())).toEqual([1, 2]);
    expect(a.requests[1]?.url).toBe("/pages/next?cursor=c2");
    a.reply(json(200, { results: ticks(1), links: { next: `${b.url}/steal` } }));
    await expect(all(pager().listByNextUrlAll!())).rejects.toThrow(/another origin/);
    expect(b.requests).toHaveLength(0);
  });

  it("declared by x-pagination with its own parameter names; an empty page ends it", async () => {
    a.reply(json(200, { rows: ticks(1, 2) }), json(200, { rows: [] }));
    expect(await all(pager().listDeclaredAll!({ query: { take: 2 } }))).toEqual([1, 2]);
    expect(a.requests.map((r) => r.url)).toEqual(["/pages/declared?take=2", "/pages/declared?take=2&skip=2"]);
  });
});
