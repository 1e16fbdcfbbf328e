/**
 * Every credential placement docs/generator.md lists, sent by a generated client over real HTTP: HTTP basic
 * (UTF-8, base64), an API key in the query string (beside the operation's own query, percent-encoded), in a
 * cookie, in a header with `x-auth-prefix`, and security alternatives (the first one with credentials wins).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanupScratch, generateInto } from "./helpers.js";
import { json, startServer, type TestServer } from "./server.js";

type Call = (options?: { query?: Record<string, unknown> }) => Promise<unknown>;
interface AuthClient {
  withBasic: Call;
  withQueryKey: Call;
  withCookieKey: Call;
  withHeaderKey: Call;
  withEither: Call;
}
type Factory = (options: { baseUrl: string; auth: Record<string, unknown> }) => AuthClient;

let createAuthClient: Factory;
let server: TestServer;
beforeAll(async () => {
  const dir = await generateInto("test/fixtures/auth-schemes.yaml", "auth", { validators: false });
  ({ createAuthClient } = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as {
    createAuthClient: Factory;
  });
});
afterAll(cleanupScratch);
beforeEach(async () => {
  server = await startServer();
  server.reply(json(200, {}));
});
afterEach(() => server.close());

const client = (auth: Record<string, unknown>) => createAuthClient({ baseUrl: server.url, auth });

describe("credentials on the wire", () => {
  it("HTTP basic: Authorization: Basic base64(UTF-8 user:password)", async () => {
    await client({ basicAuth: { username: "ada", password: "pä:ss" } }).withBasic();
    const header = server.requests[0]?.headers.authorization ?? "";
    expect(header).toBe(`Basic ${Buffer.from("ada:pä:ss", "utf8").toString("base64")}`);
    expect(Buffer.from(header.slice(6), "base64").toString("utf8")).toBe("ada:pä:ss");
  });

  it("HTTP basic from an async provider, called per request", async () => {
    let calls = 0;
    const basicAuth = async () => ({ username: `u${++calls}`, password: "p" });
    const auth = client({ basicAuth });
    await auth.withBasic();
    await auth.withBasic();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Basic ${btoa("u1:p")}`,
      `Basic ${btoa("u2:p")}`,
    ]);
  });

  it("API key in the query string, percent-encoded, beside the operation's own parameters", async () => {
    await client({ queryKey: "k &=1" }).withQueryKey({ query: { limit: 2 } });
    const url = new URL(server.requests[0]?.url ?? "", server.url);
    expect(url.pathname).toBe("/query");
    expect(url.searchParams.get("api_key")).toBe("k &=1");
    expect(url.searchParams.get("limit")).toBe("2");
    expect(server.requests[0]?.url).not.toContain("k &");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("API key in a cookie, percent-encoded", async () => {
    await client({ cookieKey: "v;1" }).withCookieKey();
    expect(server.requests[0]?.headers.cookie).toBe("sid=v%3B1");
  });

  it("API key in a header with its x-auth-prefix", async () => {
    await client({ headerKey: "abc" }).withHeaderKey();
    expect(server.requests[0]?.headers["x-api-key"]).toBe("Key abc");
  });

  it.each([
    ["basic given", { basicAuth: { username: "a", password: "b" } }, `Basic ${btoa("a:b")}`, null],
    ["only the query key given", { queryKey: "q" }, undefined, "q"],
  ] as const)("security alternatives: %s", async (_name, auth, authorization, key) => {
    await client(auth).withEither();
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(authorization);
    expect(new URL(request?.url ?? "", server.url).searchParams.get("api_key")).toBe(key);
  });

  it("refuses before sending when no alternative has credentials", async () => {
    await expect(client({ cookieKey: "x" }).withEither()).rejects.toThrow(
      /needs credentials for basicAuth or queryKey/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
