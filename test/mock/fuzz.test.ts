/**
 * Never a crash: fast-check throws arbitrary requests (paths near and far from the templates, query strings,
 * content types, bodies of JSON-ish text or raw bytes, with and without credentials) at the mocks of the five
 * specs. Every answer must be a deliberate one (below 500), and the server must keep answering.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { APIS, startApi, type Started } from "./helpers.js";

const started: Started[] = [];
beforeAll(async () => {
  for (const api of APIS) started.push(await startApi(api.name));
});
afterAll(async () => {
  for (const s of started) await s.mock.close();
});

const segment = fc.oneof(
  fc.constantFrom("contacts", "search", "c_1", "1", "%2F", "%E0%A4%A", "..", "%00", "v3", "orgs", "customers"),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const path = fc.array(segment, { minLength: 0, maxLength: 7 }).map((parts) => `/${parts.join("/")}`);
const query = fc.oneof(
  fc.constant(""),
  fc
    .array(fc.tuple(fc.constantFrom("limit", "cursor", "x", "limit[]"), fc.string({ maxLength: 6 })), { maxLength: 3 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('{"name": "a"', "[]", "null", '{"__proto__": {"x": 1}}', '{"data": {"attributes": 5}}'),
);
const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/vnd.api+json",
  "text/plain",
  "application/json; charset=latin1",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "",
);
const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
const headers = fc.record(
  {
    authorization: fc.constantFrom("Bearer t", "Token t", "Basic dTpw", "", "Bearer"),
    "x-session-token": fc.constantFrom("s", ""),
    "x-simple-workspace": fc.constantFrom("ws", ""),
    "x-piriod-test-mode": fc.constantFrom("true", "maybe"),
    "x-mock-status": fc.constantFrom("200", "401", "404", "999", "abc"),
    "x-mock-invalid": fc.constantFrom("1", "0"),
  },
  { requiredKeys: [] },
);

it("answers arbitrary requests deliberately (status < 500) and keeps serving", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: started.length - 1 }),
      method,
      path,
      query,
      headers,
      contentType,
      body,
      async (which, verb, p, q, h, type, payload) => {
        const s = started[which]!;
        const sent: Record<string, string> = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ""));
        if (type !== undefined) sent["content-type"] = type;
        // fetch refuses a body on GET/HEAD; everything else goes as generated.
        const data = verb === "GET" || verb === "HEAD" ? undefined : payload;
        const res = await fetch(`${s.mock.url}${p}${q}`, { method: verb, headers: sent, body: data });
        await res.arrayBuffer();
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
      },
    ),
    { numRuns: 300, seed: 5 },
  );
  for (const s of started) expect((await fetch(`${s.mock.url}/`)).status).toBeLessThan(500);
});
