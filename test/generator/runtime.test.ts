/**
 * The generated clients against a real HTTP server on 127.0.0.1: auth, vendor headers, media types, encoding,
 * CR/LF refusal, retries with Retry-After, timeouts, abort, pagination, throwing vs results, validation hooks.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCtrlhubClient } from "../../generated/ctrlhub/index.js";
import { createKareClient } from "../../generated/kare/index.js";
import { createPiriodClient } from "../../generated/piriod/index.js";
import {
  ApiError,
  createPylonClient,
  RequestError,
  TimeoutError,
  ValidationError,
  type OperationValidators,
  type ValidationEvent,
  type Validator,
} from "../../generated/pylon/index.js";
import { json, startServer, type TestServer } from "./server.js";

// A server per test: a request a test leaves in flight (the timeout and abort tests do) can never land in the
// next test's record, however late a stalled worker delivers it.
let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  server.reply(json(200, { data: {} }));
});
afterEach(() => server.close());

/** Records waits instead of waiting, so retry tests are exact and instant. */
function fakeEnvironment() {
  const waits: number[] = [];
  return {
    waits,
    env: {
      now: () => Date.parse("2026-01-01T00:00:00Z"),
      random: () => 0.5,
      sleep: async (ms: number) => void waits.push(ms),
    },
  };
}

const pylon = (extra: Partial<Parameters<typeof createPylonClient>[0]> = {}) =>
  createPylonClient({ baseUrl: server.url, auth: { bearerAuth: "tok" }, ...extra });

describe("auth and client headers", () => {
  it("sends Piriod's Token prefix and the workspace and test-mode headers", async () => {
    const piriod = createPiriodClient({
      baseUrl: server.url,
      auth: { apiToken: "k_1" },
      headers: { xSimpleWorkspace: "ws_1", xPiriodTestMode: true },
    });
    await piriod.contacts.update("c_1", { name: "Ada", email: "ada@example.com", invoicing: true, collections: true });
    const [req] = server.requests;
    expect(req?.method).toBe("PATCH");
    expect(req?.url).toBe("/contacts/c_1/");
    expect(req?.headers.authorization).toBe("Token k_1");
    expect(req?.headers["x-simple-workspace"]).toBe("ws_1");
    expect(req?.headers["x-piriod-test-mode"]).toBe("true");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "")).toEqual({
      name: "Ada",
      email: "ada@example.com",
      invoicing: true,
      collections: true,
    });
  });

  it("calls an async credential provider per request (Bearer)", async () => {
    let calls = 0;
    const client = pylon({ auth: { bearerAuth: async () => `t${++calls}` } });
    await client.contacts.delete("a");
    await client.contacts.delete("b");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("sends Kare's session token beside the Bearer token", async () => {
    const kare = createKareClient({ baseUrl: server.url, auth: { bearerAuth: "b" }, headers: { xSessionToken: "s" } });
    await kare.contacts.update(42, 7, { notify: true });
    expect(server.requests[0]?.headers["x-session-token"]).toBe("s");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer b");
    expect(server.requests[0]?.url).toBe("/companies/v2/rs/42/contacts/7");
  });

  it("sends and parses JSON:API for Ctrl Hub", async () => {
    server.reply((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/vnd.api+json" });
      res.end(JSON.stringify({ data: { id: "x", type: "contacts" } }));
    });
    const ctrlhub = createCtrlhubClient({ baseUrl: server.url, auth: { sessionToken: "s" } });
    const doc = await ctrlhub.contacts.update("o", "c", {
      data: { type: "contacts", attributes: { email: "a@b.co" } },
    });
    expect(doc).toEqual({ data: { id: "x", type: "contacts" } });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(server.requests[0]?.headers.accept).toBe("application/vnd.api+json");
    expect(server.requests[0]?.headers["x-session-token"]).toBe("s");
  });
});

describe("path encoding and header safety", () => {
  it.each([
    ["../admin", "/contacts/..%2Fadmin"],
    ["a/b?c#d", "/contacts/a%2Fb%3Fc%23d"],
    ["ünï cödé", "/contacts/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9"],
    ["%2e%2e", "/contacts/%252e%252e"],
  ])("keeps id %j inside its segment", async (id, path) => {
    await pylon().contacts.delete(id);
    expect(server.requests[0]?.url).toBe(path);
  });

  it.each([".", ".."])("refuses %j as a whole path segment before sending", async (id) => {
    await expect(pylon().contacts.delete(id)).rejects.toBeInstanceOf(RequestError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["token", { auth: { bearerAuth: "tok\r\nX-Evil: 1" } }],
    ["token via provider", { auth: { bearerAuth: async () => "tok\nX-Evil: 1" } }],
  ])("refuses a CR/LF %s before sending", async (_name, extra) => {
    await expect(pylon(extra).contacts.delete("a")).rejects.toThrow(/CR, LF/);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses CR/LF in a client header option", async () => {
    const piriod = createPiriodClient({
      baseUrl: server.url,
      auth: { apiToken: "k" },
      headers: { xSimpleWorkspace: "ws\r\nx: y" },
    });
    await expect(
      piriod.contacts.update("c", { name: "n", email: "e@x.io", invoicing: true, collections: true }),
    ).rejects.toBeInstanceOf(RequestError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("retries", () => {
  it("retries an idempotent call, honouring Retry-After in seconds", async () => {
    server.reply(json(503, {}, { "Retry-After": "2" }), json(200, { data: { id: "c" } }));
    const { env, waits } = fakeEnvironment();
    const result = await pylon({ retryEnvironment: env }).contacts.get("c", { query: { limit: 1 } });
    expect(result).toEqual({ data: { id: "c" } });
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it("honours Retry-After as an HTTP date", async () => {
    server.reply(json(429, {}, { "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT" }), json(200, {}));
    const { env, waits } = fakeEnvironment();
    await pylon({ retryEnvironment: env }).contacts.delete("c");
    expect(waits).toEqual([5000]);
  });

  it("backs off exponentially with jitter, then gives up with the last error", async () => {
    server.reply(json(500, { message: "boom" }));
    const { env, waits } = fakeEnvironment();
    const client = pylon({ retryEnvironment: env, retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 250 } });
    const error = await client.contacts.delete("c").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([50, 100, 125]);
  });

  it("stops when Retry-After exceeds maxDelayMs", async () => {
    server.reply(json(503, {}, { "Retry-After": "3600" }), json(200, {}));
    const { env, waits } = fakeEnvironment();
    await expect(pylon({ retryEnvironment: env }).contacts.delete("c")).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("does not retry a POST unless asked to", async () => {
    server.reply(json(503, {}), json(200, {}));
    const { env } = fakeEnvironment();
    await expect(pylon({ retryEnvironment: env }).contacts.create({ name: "n" })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    server.reply(json(503, {}), json(200, { data: {} }));
    await pylon({ retryEnvironment: env }).contacts.create({ name: "n" }, { retry: { nonIdempotent: true } });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a dropped connection on an idempotent call", async () => {
    server.reply((_req, res) => res.socket?.destroy(), json(200, { ok: true }));
    const { env } = fakeEnvironment();
    await expect(pylon({ retryEnvironment: env }).contacts.delete("c")).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});

describe("timeouts and abort", () => {
  it("fails with TimeoutError when no response arrives in time", async () => {
    server.reply(() => undefined);
    await expect(pylon({ retry: false }).contacts.delete("c", { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("rejects with the caller's reason when the signal aborts", async () => {
    server.reply(() => undefined);
    const controller = new AbortController();
    const call = pylon().contacts.delete("c", { signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error("user cancelled"));
    await expect(call).rejects.toThrow("user cancelled");
  });

  it("does not send when the signal is already aborted", async () => {
    await expect(pylon().contacts.delete("c", { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});

describe("errors: throw or return", () => {
  it("throws ApiError with status and parsed body by default", async () => {
    server.reply(json(401, { errors: ["no"] }));
    const error = await pylon()
      .contacts.delete("c")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, body: { errors: ["no"] }, operationId: "deleteContact" });
  });

  it("returns { data, error, response } when throwOnError is false", async () => {
    server.reply(json(401, { errors: ["no"] }));
    const client = createPylonClient({ baseUrl: server.url, auth: { bearerAuth: "t" }, throwOnError: false });
    const result = await client.contacts.delete("c");
    expect(result.data).toBeUndefined();
    expect(result.error?.status).toBe(401);
    expect(result.response.status).toBe(401);
    server.reply(json(200, { data: { id: "c" } }));
    const ok = await pylon().contacts.delete("c", { throwOnError: false });
    expect(ok).toMatchObject({ data: { data: { id: "c" } }, error: undefined });
  });
});

describe("pagination", () => {
  it("follows the query cursor until has_next_page is false", async () => {
    server.reply(
      json(200, { data: [{ id: "1" }, { id: "2" }], pagination: { cursor: "p2", has_next_page: true } }),
      json(200, { data: [{ id: "3" }], pagination: { cursor: "p3", has_next_page: false } }),
    );
    const ids: Array<string | undefined> = [];
    for await (const contact of pylon().contacts.listAll({ query: { limit: 2 } })) ids.push(contact.id);
    expect(ids).toEqual(["1", "2", "3"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/contacts?limit=2", "/contacts?limit=2&cursor=p2"]);
  });

  it("puts the cursor in the body for search and stops on a repeated cursor", async () => {
    server.reply(
      json(200, { data: [{ id: "1" }], pagination: { cursor: "c", has_next_page: true } }),
      json(200, { data: [{ id: "2" }], pagination: { cursor: "c", has_next_page: true } }),
    );
    const ids: Array<string | undefined> = [];
    for await (const contact of pylon().contacts.searchAll({ limit: 1 })) ids.push(contact.id);
    expect(ids).toEqual(["1", "2"]);
    expect(server.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { limit: 1 },
      { limit: 1, cursor: "c" },
    ]);
  });
});

describe("validation hooks", () => {
  const rejectAll = (name: string): Validator => ({
    name,
    is: (_v: unknown): _v is never => false,
    validate: () => [{ path: "/name", keyword: "type", message: "must be a string" }],
  });
  const validators: Record<string, OperationValidators> = {
    createContact: { body: { "application/json": rejectAll("body") }, responses: {} },
    deleteContact: { responses: { "200": { "application/json": rejectAll("response") } } },
  };

  it("strict: an invalid body never reaches the network", async () => {
    const error = await pylon({ validators, validation: "strict" })
      .contacts.create({ name: "n" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "/body/name", keyword: "type", message: "must be a string" },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("strict: an invalid response throws with the raw response", async () => {
    const error = await pylon({ validators })
      .contacts.delete("c", { validation: "strict" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).phase).toBe("response");
    expect((error as ValidationError).response?.status).toBe(200);
  });

  it("warn: reports through onValidationIssue and still sends and returns data", async () => {
    const events: ValidationEvent[] = [];
    const client = pylon({ validators, validation: "warn", onValidationIssue: (e) => events.push(e) });
    await client.contacts.create({ name: "n" });
    await expect(client.contacts.delete("c")).resolves.toEqual({ data: {} });
    expect(events.map((e) => [e.operationId, e.phase])).toEqual([
      ["createContact", "request"],
      ["deleteContact", "response"],
    ]);
    expect(server.requests).toHaveLength(2);
  });

  it("uses the generated validators.ts: an over-long Piriod name never reaches the network", async () => {
    const piriod = createPiriodClient({
      baseUrl: server.url,
      auth: { apiToken: "k" },
      headers: { xSimpleWorkspace: "w" },
      validation: "strict",
    });
    const body = { name: "x".repeat(65), email: "a@b.co", invoicing: true, collections: true };
    const error = await piriod.contacts.update("c", body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toContainEqual(
      expect.objectContaining({ path: "/body/name", keyword: "maxLength" }),
    );
    expect(server.requests).toHaveLength(0);
    server.reply(json(200, { name: 5, email: "a@b.co", invoicing: true, collections: true }));
    const response = await piriod.contacts.update("c", { ...body, name: "ok" }).catch((e: unknown) => e);
    expect(response).toMatchObject({ phase: "response", issues: [expect.objectContaining({ path: "/name" })] });
    expect(server.requests).toHaveLength(1);
  });

  it("off: validators are not consulted", async () => {
    await pylon({ validators, validation: "off" }).contacts.create({ name: "n" });
    expect(server.requests).toHaveLength(1);
  });
});
