/** Cookie parameters are typed per-call options and, with cookie API keys, form one safely encoded Cookie header. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupScratch, generateInto, typecheck } from "./helpers.js";
import { json, startServer, type TestServer } from "./server.js";

interface CookieClient {
  getThing(id: string, options: { cookies: { session: string; theme?: string } }): Promise<unknown>;
}

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await generateInto("test/fixtures/cookies.yaml", "cookies");
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await cleanupScratch();
});

describe("cookie parameters", () => {
  it("generate a client that type-checks", async () => {
    expect(await typecheck(dir)).toEqual({ ok: true, output: "" });
  });

  it("are sent percent-encoded beside the cookie API key", async () => {
    const module = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as {
      createCookiesClient: (options: unknown) => CookieClient;
    };
    server.reply(json(200, {}));
    const client = module.createCookiesClient({ baseUrl: server.url, auth: { cookieKey: "k 1" } });
    await client.getThing("t", { cookies: { session: "a;b=c", theme: "dark" } });
    expect(server.requests[0]?.headers.cookie).toBe("session=a%3Bb%3Dc; theme=dark; key=k%201");
  });

  it("are required in the signature when the document requires them", async () => {
    const client = await import("node:fs/promises").then((fs) => fs.readFile(path.join(dir, "client.ts"), "utf8"));
    expect(client).toContain('cookies: CookieParams<Op_getThing, "session" | "theme">');
  });
});
