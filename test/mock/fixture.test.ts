/**
 * A 3.0 document with quirks: server variables in the base path, boolean exclusiveMinimum, nullable, a
 * form-encoded body with a deep object, and a pattern JavaScript cannot compile (reported at start-up, not fatal).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock, type MockServer } from "../../generator/mock/server.js";

let mock: MockServer;
const logged: string[] = [];
beforeAll(async () => {
  mock = await startMock({ file: "test/mock/fixtures/odd-schemas.v3.0.yaml", log: (line) => logged.push(line) });
});
afterAll(async () => {
  await mock.close();
});

const form = (body: string, n = "2"): Promise<Response> =>
  fetch(`${mock.url}/things/${n}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });

it("routes under the server variable's default base path", () => {
  expect(new URL(mock.url).pathname).toBe("/test/api");
});

it("reports the uncompilable pattern once, at start-up", () => {
  expect(logged.filter((l) => /"\(\?<broken" is not a JavaScript regular expression/.test(l))).toHaveLength(1);
});

it.each([
  ["a valid form with a deep object", "label=x&note=&meta[a]=b", 201],
  ["just above the exclusive bound", "label=x", 201],
])("%s", async (_name, body, want) => {
  const res = await form(body, "2");
  expect(res.status).toBe(want);
  expect(await res.json()).toMatchObject({ n: expect.any(Number) as number });
});

it.each([
  ["n at the exclusive bound", "label=x", "1", "/path/n"],
  ["n not an integer", "label=x", "two", "/path/n"],
  ["required form field missing", "note=x", "2", "/body/label"],
])("%s → 400 in the documented error shape, explained in x-mock-error", async (_name, body, n, pointer) => {
  const res = await form(body, n);
  expect(res.status).toBe(400);
  // The operation documents its 400 body, so the mock sends that shape rather than its own.
  expect(await res.json()).toEqual({ code: "invalid_request" });
  expect(res.headers.get("x-mock-error")).toContain(pointer);
});

it("answers 201 with nullable members allowed to be null", async () => {
  const res = await fetch(`${mock.url}/things/5`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-mock-status": "201" },
    body: "label=x",
  });
  expect(res.status).toBe(201);
});

it("sends every documented response header: its example, else a value synthesised from its schema", async () => {
  const res = await form("label=x", "2");
  expect(res.headers.get("x-rate-limit")).toBe("10");
  expect(res.headers.get("location")).toBe("/test/api/things/2");
  // Optional headers too, so a client's reading of them is exercised against the mock.
  expect(res.headers.get("x-optional")).toEqual(expect.any(String));
});
