/**
 * Request parsing is bounded (issue 10): form bodies and deepObject query parameters cannot build huge sparse
 * arrays, thousands of keys or deep trees, and a JSON body nested beyond the cap is a 400 before validation, never a
 * 5xx from a stack overflow. Over real HTTP; every request here used to take the process down or block it. (A query
 * string is also bounded by Node's 16 KiB header limit: 431 above it.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDocument } from "../../generator/load/load.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { REQUEST_LIMITS } from "../../generator/mock/limits.js";
import { parseForm } from "../../generator/mock/media.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { send } from "./helpers.js";

const created = { "201": { description: "created" } };
const DOC = {
  openapi: "3.1.0",
  info: { title: "bounds", version: "1" },
  paths: {
    "/forms": {
      post: {
        operationId: "postForm",
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: {
                type: "object",
                properties: { list: { type: "array", items: { type: "string" } }, meta: { type: "object" } },
              },
            },
          },
        },
        responses: created,
      },
    },
    "/trees": {
      post: {
        operationId: "postTree",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Tree" } } },
        },
        responses: created,
      },
    },
    "/search": {
      get: {
        operationId: "search",
        parameters: [
          { name: "filter", in: "query", style: "deepObject", explode: true, schema: { type: "object" } },
          {
            name: "q",
            in: "query",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Tree" } } },
          },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
  },
  components: { schemas: { Tree: { type: "array", items: { $ref: "#/components/schemas/Tree" } } } },
};

let mock: MockServer;
const logged: string[] = [];
beforeAll(async () => {
  const loaded: LoadedDocument = {
    file: "bounds.json",
    version: "3.1",
    doc: DOC as unknown as OpenApiDocument,
    warnings: [],
  };
  mock = await startMock({ loaded, log: (line) => logged.push(line) });
});
afterAll(() => mock.close());

const form = (raw: string) =>
  send(mock.url, "POST", "/forms", { raw, headers: { "content-type": "application/x-www-form-urlencoded" } });
const message = (json: unknown) => (json as { error?: { message?: string } }).error?.message ?? "";
const issues = (json: unknown) =>
  ((json as { error?: { issues?: Array<{ message: string }> } }).error?.issues ?? []).map((i) => i.message).join("; ");
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("form bodies", () => {
  it.each([
    ["a huge array index", "list[30000000]=a", /array index 30000000 .* is above 999/],
    ["a huge index in a nested key", "meta[a][5000000][b]=x", /array index 5000000/],
    ["too many fields", Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join("&"), /more than 1000 fields/],
    ["a key nested too deep", `meta${"[a]".repeat(40)}=x`, /nested more than 16 levels/],
  ])("%s → 400 naming the bound", async (_name, raw, want) => {
    const res = await form(raw);
    expect(res.status).toBe(400);
    expect(message(res.json)).toMatch(want);
  });

  it.each([
    ["an exponent-looking key is an object key, not an index", "list[1e7]=a", 400],
    ["indices within the bound still build arrays", "list[0]=a&list[1]=b", 201],
    ["the largest index passes the parser (its holes then fail validation)", "list[999]=a", 400],
  ])("%s", async (_name, raw, status) => {
    expect((await form(raw)).status).toBe(status);
  });

  it("parseForm keeps an in-bound sparse index small", () => {
    expect((parseForm("list[3]=a").list as unknown[]).length).toBe(4);
    expect(() => parseForm(`list[${REQUEST_LIMITS.formIndex + 1}]=a`)).toThrow(/is above/);
  });
});

describe("JSON bodies", () => {
  it("an array nested 10,000 deep is a 400 before validation, and the server keeps serving", async () => {
    const res = await send(mock.url, "POST", "/trees", {
      raw: nested(10_000),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(message(res.json)).toMatch(/nested more than 64 levels deep/);
    expect(logged.join("\n")).not.toMatch(/internal error/);
    const ok = await send(mock.url, "POST", "/trees", {
      raw: nested(REQUEST_LIMITS.jsonDepth),
      headers: { "content-type": "application/json" },
    });
    expect(ok.status).toBe(201);
  });

  it("brackets inside strings do not count as nesting", async () => {
    const res = await send(mock.url, "POST", "/trees", { body: [[`${"[".repeat(500)}`]] });
    expect(res.status).toBe(400); // a string where an array is documented: a validation issue, not a depth refusal
    expect(message(res.json)).not.toMatch(/nested/);
  });
});

describe("query parameters", () => {
  it.each([
    ["deepObject with a huge index", "filter[ids][30000000]=1", /array index 30000000/],
    ["deepObject nested too deep", `filter${"[a]".repeat(30)}=1`, /nested more than 16 levels/],
    [
      "deepObject with too many keys",
      Array.from({ length: 1001 }, (_, i) => `filter[${i.toString(36)}z]`).join("&"),
      /more than 1000 fields/,
    ],
    ["a JSON parameter nested 100 deep", `q=${encodeURIComponent(nested(100))}`, /nested more than 64 levels/],
  ])("%s → 400 naming the parameter and the bound", async (_name, query, want) => {
    const res = await send(mock.url, "GET", `/search?${query}`);
    expect(res.status).toBe(400);
    expect(issues(res.json)).toMatch(want);
  });
});
