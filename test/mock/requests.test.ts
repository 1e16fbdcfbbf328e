/** The mock against the five specs: valid requests get documented replies, invalid ones a 4xx naming the problem. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { APIS, issuePaths, responseIssues, send, startApi, type Started } from "./helpers.js";

const started = new Map<string, Started>();
beforeAll(async () => {
  for (const api of APIS) started.set(api.name, await startApi(api.name));
});
afterAll(async () => {
  for (const s of started.values()) await s.mock.close();
});
const api = (name: string): Started => started.get(name)!;

/** The API documents this status without content (the five specs' 401s): the mock then answers without a body. */
function documentsNoContent(name: string, status: number): boolean {
  return buildModel(api(name).loaded, name).operations.some((op) =>
    op.responses.some((r) => r.status === String(status) && r.content.length === 0),
  );
}

const AUTH: Record<string, Record<string, string>> = {
  piriod: { authorization: "Token tok", "x-simple-workspace": "ws_1" },
  kare: { authorization: "Bearer tok", "x-session-token": "sess" },
  emnify: { authorization: "Bearer tok" },
  ctrlhub: { "x-session-token": "sess" },
  pylon: { authorization: "Bearer tok" },
};

interface Valid {
  api: string;
  method: string;
  /** Request path and the template it should match. */
  path: string;
  template: string;
  headers?: Record<string, string>;
  body?: unknown;
  status: number;
  mediaType?: string;
  /** Dotted path into the response body → expected value (echo of the request). */
  echoes?: Record<string, unknown>;
}

const valid: Array<[string, Valid]> = [
  [
    "piriod update echoes fields and id",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      template: "/contacts/{id}/",
      body: { name: "Ada", email: "ada@example.com" },
      status: 200,
      mediaType: "application/json",
      echoes: { name: "Ada", email: "ada@example.com", id: "c_1" },
    },
  ],
  [
    "kare update echoes name and numeric id",
    {
      api: "kare",
      method: "PATCH",
      path: "/companies/v2/rs/7/contacts/42",
      template: "/companies/v2/rs/{companyId}/contacts/{contactId}",
      body: { notify: true, name: "Ada", phones: ["1"] },
      status: 200,
      mediaType: "application/json",
      echoes: { name: "Ada", id: 42, phones: ["1"] },
    },
  ],
  [
    "emnify update has no content",
    {
      api: "emnify",
      method: "PATCH",
      path: "/api/v1/organisation/o1/contact/c1",
      template: "/api/v1/organisation/{org_id}/contact/{contact_id}",
      body: { name: "Ada" },
      status: 204,
    },
  ],
  [
    "ctrlhub update echoes JSON:API attributes",
    {
      api: "ctrlhub",
      method: "PUT",
      path: "/v3/orgs/o1/customers/contacts/c1",
      template: "/v3/orgs/{org_id}/customers/contacts/{contact_id}",
      headers: { "content-type": "application/vnd.api+json" },
      body: { data: { attributes: { first_name: "Ada" } } },
      status: 200,
      mediaType: "application/vnd.api+json",
      echoes: { "data.attributes.first_name": "Ada" },
    },
  ],
  [
    "pylon list",
    {
      api: "pylon",
      method: "GET",
      path: "/contacts?limit=5",
      template: "/contacts",
      status: 200,
      mediaType: "application/json",
      echoes: { "pagination.has_next_page": true },
    },
  ],
  [
    "pylon list, second page is the last",
    {
      api: "pylon",
      method: "GET",
      path: "/contacts?cursor=mock-page-2",
      template: "/contacts",
      status: 200,
      mediaType: "application/json",
      echoes: { "pagination.has_next_page": false },
    },
  ],
  [
    "pylon create echoes into the data envelope",
    {
      api: "pylon",
      method: "POST",
      path: "/contacts",
      template: "/contacts",
      body: { name: "Ada", email: "ada@example.com" },
      status: 200,
      mediaType: "application/json",
      echoes: { "data.name": "Ada", "data.email": "ada@example.com" },
    },
  ],
  [
    "pylon get echoes the id",
    {
      api: "pylon",
      method: "GET",
      path: "/contacts/c_9?limit=10",
      template: "/contacts/{id}",
      status: 200,
      mediaType: "application/json",
      echoes: { "data.id": "c_9" },
    },
  ],
  [
    "pylon update",
    {
      api: "pylon",
      method: "PATCH",
      path: "/contacts/c_9",
      template: "/contacts/{id}",
      body: { portal_role: "admin" },
      status: 200,
      mediaType: "application/json",
      echoes: { "data.id": "c_9" },
    },
  ],
  [
    "pylon delete",
    {
      api: "pylon",
      method: "DELETE",
      path: "/contacts/c_9",
      template: "/contacts/{id}",
      status: 200,
      mediaType: "application/json",
    },
  ],
  [
    "pylon search",
    {
      api: "pylon",
      method: "POST",
      path: "/contacts/search",
      template: "/contacts/search",
      body: { limit: 10, filter: { field: "email" } },
      status: 200,
      mediaType: "application/json",
    },
  ],
];

describe("valid requests", () => {
  it.each(valid)("%s", async (_name, c) => {
    const s = api(c.api);
    const res = await send(s.mock.url, c.method, c.path, { headers: { ...AUTH[c.api], ...c.headers }, body: c.body });
    expect(res.status, res.text).toBe(c.status);
    if (!c.mediaType) return expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBe(c.mediaType);
    expect(responseIssues(s, c.template, c.method.toLowerCase(), String(c.status), c.mediaType, res.json)).toEqual([]);
    for (const [path, want] of Object.entries(c.echoes ?? {})) {
      const got = path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], res.json);
      expect(got, path).toEqual(want);
    }
  });
});

interface Invalid {
  api: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  status: number;
  /** A JSON Pointer the error must name, or a phrase its message must contain. */
  names?: string;
  says?: RegExp;
}

const ctrl = { "content-type": "application/vnd.api+json" };
const invalid: Array<[string, Invalid]> = [
  [
    "missing bearer token",
    {
      api: "pylon",
      method: "GET",
      path: "/contacts",
      headers: { authorization: "" },
      status: 401,
      says: /Authorization: Bearer/,
    },
  ],
  [
    "bearer where piriod wants Token",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      headers: { authorization: "Bearer tok" },
      body: { name: "A", email: "a@example.com" },
      status: 401,
      says: /Token <key>/,
    },
  ],
  [
    "missing session token header (apiKey)",
    {
      api: "ctrlhub",
      method: "PUT",
      path: "/v3/orgs/o/customers/contacts/c",
      headers: { ...ctrl, "x-session-token": "" },
      body: {},
      status: 401,
      says: /X-Session-Token/,
    },
  ],
  [
    "missing required vendor header",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      headers: { "x-simple-workspace": "" },
      body: { name: "A", email: "a@example.com" },
      status: 400,
      names: "/headers/x-simple-workspace",
    },
  ],
  [
    "kare session header is required",
    {
      api: "kare",
      method: "PATCH",
      path: "/companies/v2/rs/1/contacts/2",
      headers: { "x-session-token": "" },
      body: { notify: true },
      status: 400,
      names: "/headers/X-Session-Token",
    },
  ],
  [
    "boolean header of the wrong type",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      headers: { "x-piriod-test-mode": "maybe" },
      body: { name: "A", email: "a@example.com" },
      status: 400,
      names: "/headers/x-piriod-test-mode",
    },
  ],
  [
    "integer path parameter given text",
    {
      api: "kare",
      method: "PATCH",
      path: "/companies/v2/rs/abc/contacts/2",
      body: { notify: true },
      status: 400,
      names: "/path/companyId",
    },
  ],
  [
    "query bound (exclusiveMaximum)",
    { api: "pylon", method: "GET", path: "/contacts?limit=1000", status: 400, names: "/query/limit" },
  ],
  [
    "required query parameter missing",
    { api: "pylon", method: "GET", path: "/contacts/c_1", status: 400, names: "/query/limit" },
  ],
  [
    "required body property missing",
    {
      api: "kare",
      method: "PATCH",
      path: "/companies/v2/rs/1/contacts/2",
      body: { name: "A" },
      status: 400,
      names: "/body/notify",
    },
  ],
  [
    "maxLength",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      body: { name: "x".repeat(65), email: "a@example.com" },
      status: 400,
      names: "/body/name",
    },
  ],
  [
    "maxItems",
    {
      api: "kare",
      method: "PATCH",
      path: "/companies/v2/rs/1/contacts/2",
      body: { notify: true, phones: ["1", "2", "3", "4", "5", "6"] },
      status: 400,
      names: "/body/phones",
    },
  ],
  [
    "format email",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      body: { name: "A", email: "not-an-email" },
      status: 400,
      names: "/body/email",
    },
  ],
  [
    "enum",
    {
      api: "pylon",
      method: "PATCH",
      path: "/contacts/c_1",
      body: { portal_role: "owner" },
      status: 400,
      names: "/body/portal_role",
    },
  ],
  [
    "mutually exclusive properties (not)",
    {
      api: "pylon",
      method: "POST",
      path: "/contacts",
      body: { name: "A", account_id: "a", account_external_id: "b" },
      status: 400,
      names: "/body",
    },
  ],
  [
    "type null where a string is required",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1/",
      body: { name: null, email: "a@example.com" },
      status: 400,
      names: "/body/name",
    },
  ],
  [
    "missing body",
    { api: "emnify", method: "PATCH", path: "/api/v1/organisation/o/contact/c", status: 400, names: "/body" },
  ],
  [
    "malformed JSON",
    {
      api: "pylon",
      method: "POST",
      path: "/contacts",
      headers: { "content-type": "application/json" },
      raw: '{"name": ',
      status: 400,
      says: /malformed JSON/,
    },
  ],
  [
    "wrong content type",
    {
      api: "pylon",
      method: "POST",
      path: "/contacts",
      headers: { "content-type": "text/plain" },
      raw: "name=A",
      status: 415,
      says: /application\/json/,
    },
  ],
  [
    "JSON where ctrlhub wants JSON:API",
    {
      api: "ctrlhub",
      method: "PUT",
      path: "/v3/orgs/o/customers/contacts/c",
      headers: { "content-type": "application/json" },
      raw: "{}",
      status: 415,
      says: /vnd\.api\+json/,
    },
  ],
  ["unknown path", { api: "pylon", method: "GET", path: "/accounts", status: 404, says: /no operation at \/accounts/ }],
  ["outside the base path", { api: "kare", method: "GET", path: "/../contacts", status: 404 }],
  [
    "trailing slash matters",
    {
      api: "piriod",
      method: "PATCH",
      path: "/contacts/c_1",
      body: { name: "A", email: "a@example.com" },
      status: 404,
      says: /trailing slash/,
    },
  ],
  [
    "wrong method",
    { api: "pylon", method: "PUT", path: "/contacts/c_1", status: 405, says: /allowed: GET, DELETE, PATCH/ },
  ],
  [
    "x-mock-status not documented",
    {
      api: "pylon",
      method: "DELETE",
      path: "/contacts/c_1",
      headers: { "x-mock-status": "418" },
      status: 400,
      says: /documented: 200, 401/,
    },
  ],
];

describe("invalid requests", () => {
  it.each(invalid)("%s → %s", async (_name, c) => {
    const s = api(c.api);
    const extra = c.api === "ctrlhub" && c.body !== undefined ? ctrl : {};
    const merged: Record<string, string> = { ...AUTH[c.api], ...extra, ...c.headers };
    const headers = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ""));
    const res = await send(s.mock.url, c.method, c.path, { headers, body: c.body, raw: c.raw });
    expect(res.status, res.text).toBe(c.status);
    const explanation = res.headers.get("x-mock-error");
    if (documentsNoContent(c.api, c.status)) {
      // A status the operation documents without content: no body, the reason in the header.
      expect(res.text).toBe("");
      expect(explanation).toBeTruthy();
      if (c.names) expect(explanation).toContain(c.names);
      if (c.says) expect(explanation).toMatch(c.says);
      return;
    }
    expect(res.headers.get("content-type")).toBe("application/json");
    const error = (res.json as { error: { status: number; message: string } }).error;
    expect(error.status).toBe(c.status);
    if (c.names) expect(issuePaths(res.json)).toContain(c.names);
    if (c.says) expect(error.message).toMatch(c.says);
  });
});

describe("test control headers", () => {
  it("x-mock-status picks each documented status", async () => {
    const s = api("pylon");
    const res = await send(s.mock.url, "GET", "/contacts/c_1?limit=1", {
      headers: { ...AUTH.pylon, "x-mock-status": "401" },
    });
    expect(res.status).toBe(401);
    const emnify = await send(api("emnify").mock.url, "PATCH", "/api/v1/organisation/o/contact/c", {
      headers: { ...AUTH.emnify, "x-mock-status": "404" },
      body: {},
    });
    expect(emnify.status).toBe(404);
  });

  it.each([
    ["piriod", "PATCH", "/contacts/c_1/", "/contacts/{id}/", { name: "A", email: "a@example.com" }],
    [
      "kare",
      "PATCH",
      "/companies/v2/rs/1/contacts/2",
      "/companies/v2/rs/{companyId}/contacts/{contactId}",
      { notify: false },
    ],
    ["pylon", "GET", "/contacts?limit=2", "/contacts", undefined],
    ["pylon", "POST", "/contacts", "/contacts", { name: "A" }],
  ] as const)("x-mock-invalid makes %s %s %s violate its schema", async (name, method, path, template, body) => {
    const s = api(name);
    const res = await send(s.mock.url, method, path, { headers: { ...AUTH[name], "x-mock-invalid": "1" }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-mock-invalid")).toBeTruthy();
    expect(responseIssues(s, template, method.toLowerCase(), "200", "application/json", res.json)).not.toEqual([]);
  });

  it("x-mock-invalid on a bodiless status sends an undocumented response", async () => {
    const res = await send(api("emnify").mock.url, "PATCH", "/api/v1/organisation/o/contact/c", {
      headers: { ...AUTH.emnify, "x-mock-invalid": "1" },
      body: {},
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ "x-mock-invalid": true });
  });
});

describe("echo safety", () => {
  it("a body member named __proto__ is echoed nowhere and reaches no prototype", async () => {
    const s = api("pylon");
    const res = await send(s.mock.url, "POST", "/contacts", {
      headers: { ...AUTH.pylon, "content-type": "application/json" },
      raw: '{"__proto__": {"polluted": true}, "name": "Ada"}',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.text).not.toContain("polluted");
    expect((res.json as { data: { name: string } }).data.name).toBe("Ada");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
