/**
 * Hostile and heavy traffic: huge bodies, wrong content types, invalid UTF-8, slow clients and 1,000 concurrent
 * requests get a 4xx or a timeout, never a crash, and leave no socket open.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../generator/load/load.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";

const LIMIT = 64 * 1024;
let mock: MockServer;
/** Only for the two clients that never finish: 400 ms. Every other request goes to `mock`, whose 60 s timeout a
 * stalled (loaded) machine cannot reach, so a slow worker never turns an answer into a 408. */
let impatient: MockServer;
const AUTH = { authorization: "Bearer tok", "content-type": "application/json" };

beforeAll(async () => {
  const loaded = await loadDocument("specs/pylon/openapi.yaml");
  mock = await startMock({ loaded, bodyLimit: LIMIT, requestTimeoutMs: 60_000 });
  impatient = await startMock({ loaded, bodyLimit: LIMIT, requestTimeoutMs: 400 });
});
afterAll(async () => {
  await Promise.all([mock.close(), impatient.close()]);
});

/** Raw bytes over a socket; resolves with the whole response text once the server closes or answers. */
function raw(payload: string | Buffer, endAfterWrite = true, server: MockServer = mock): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => {
      socket.write(payload);
      if (endAfterWrite) socket.end();
    });
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

async function waitForNoConnections(server: MockServer = mock): Promise<number> {
  // Sockets close asynchronously after the client lets go; on a loaded CI machine that can take a moment.
  for (let i = 0; i < 500; i++) {
    const open = await server.connections();
    if (open === 0) return 0;
    await new Promise((r) => setTimeout(r, 20));
  }
  return server.connections();
}

describe("hostile requests", () => {
  it.each([
    ["declared body over the limit", { "content-length": String(LIMIT + 1) }, "x".repeat(16), 413],
    ["chunked body over the limit", { "transfer-encoding": "chunked" }, "chunked", 413],
  ])("%s → %d", async (_name, headers, kind, want) => {
    const body = "x".repeat(LIMIT + 10);
    const head = Object.entries({ ...AUTH, ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    const payload =
      kind === "chunked"
        ? `POST /contacts HTTP/1.1\r\nhost: x\r\n${head}\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`
        : `POST /contacts HTTP/1.1\r\nhost: x\r\n${head}\r\n${kind}`;
    const text = await raw(payload);
    expect(text.split("\r\n")[0]).toBe(`HTTP/1.1 ${want} Payload Too Large`);
  });

  it.each([
    ["invalid UTF-8", AUTH, Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 400, /UTF-8/],
    [
      "wrong content type",
      { ...AUTH, "content-type": "application/xml" },
      Buffer.from("<a/>"),
      415,
      /application\/json/,
    ],
    ["missing content type", { authorization: "Bearer tok" }, Buffer.from("{}"), 415, /Content-Type/],
    ["malformed JSON", AUTH, Buffer.from("{"), 400, /malformed JSON/],
  ])("%s → %d", async (_name, headers, body, want, says) => {
    const res = await fetch(`${mock.url}/contacts`, { method: "POST", headers, body });
    expect(res.status).toBe(want);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(says);
  });

  it("a client that never finishes its headers is timed out", async () => {
    const text = await raw("GET /contacts HTTP/1.1\r\nhost: x\r\n", false, impatient);
    expect(text === "" || text.startsWith("HTTP/1.1 408")).toBe(true);
  });

  it("a client that never finishes its body is timed out with 408", async () => {
    const text = await raw(
      `POST /contacts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"na`,
      false,
      impatient,
    );
    expect(text.split("\r\n")[0]).toMatch(/^HTTP\/1\.1 408/);
  });

  it.each([
    ["garbage request line", "NOT HTTP AT ALL\r\n\r\n"],
    ["header without colon", "GET /contacts HTTP/1.1\r\nbroken header\r\n\r\n"],
    [
      "bad percent-encoding in a path parameter",
      "DELETE /contacts/%E0%A4%A HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\n\r\n",
    ],
  ])("%s gets a 4xx and the server keeps serving", async (_name, payload) => {
    const text = await raw(payload);
    expect(text).toMatch(/^HTTP\/1\.1 4\d\d/);
    const after = await fetch(`${mock.url}/contacts`, { headers: AUTH });
    expect(after.status).toBe(200);
  });
});

describe("load", () => {
  it("serves 1,000 concurrent requests without error and leaks no socket", async () => {
    // Its own server, so the sockets counted at the end are this test's alone.
    const loaded = await loadDocument("specs/pylon/openapi.yaml");
    const busy = await startMock({ loaded, bodyLimit: LIMIT, requestTimeoutMs: 60_000 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
    const url = new URL(`${busy.url}/contacts/search`);
    const one = (i: number): Promise<number | string> =>
      new Promise((resolve) => {
        const body = JSON.stringify({ limit: (i % 998) + 1 });
        const req = http.request(
          url,
          { method: "POST", agent, headers: { ...AUTH, "content-length": Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
            res.on("error", (error) => resolve(`response error ${error.message}`));
          },
        );
        // Collected rather than thrown, so a failure lists every error code at once.
        req.on("error", (error: NodeJS.ErrnoException) => resolve(`request error ${error.code ?? error.message}`));
        req.end(body);
      });
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => one(i)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    agent.destroy();
    try {
      expect(await waitForNoConnections(busy)).toBe(0);
    } finally {
      await busy.close();
    }
  });
});
