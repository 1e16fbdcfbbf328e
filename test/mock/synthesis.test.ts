/**
 * Replies to compositions that defeat a first, naive synthesis: a `oneOf` whose first branch cannot be produced
 * (the mock retries the next branch where validation says `oneOf` failed), and an `allOf` whose part only lists a
 * member in `required` (its schema lives in a sibling part, which must win the merge).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LoadedDocument } from "../../generator/load/load.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";

const schemas: Record<string, unknown> = {
  choice: {
    oneOf: [
      { type: "string", not: { const: "string" } },
      { type: "integer", minimum: 5 },
    ],
  },
  merged: {
    allOf: [
      {
        type: "object",
        properties: { m: { type: "object", required: ["k"], properties: { k: { type: "boolean" } } } },
      },
      { required: ["m"] },
    ],
  },
  nested: {
    type: "object",
    required: ["items"],
    properties: { items: { type: "array", minItems: 1, items: { $ref: "#/components/schemas/choice" } } },
  },
};
const doc = {
  openapi: "3.1.0",
  info: { title: "synthesis", version: "1" },
  paths: Object.fromEntries(
    Object.keys(schemas).map((name) => [
      `/${name}`,
      {
        get: {
          operationId: name,
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
            },
          },
        },
      },
    ]),
  ),
  components: { schemas },
} as unknown as OpenApiDocument;

let mock: MockServer;
const logged: string[] = [];
beforeAll(async () => {
  const loaded: LoadedDocument = { file: "synthesis.yaml", version: "3.1", doc, warnings: [] };
  mock = await startMock({ loaded, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await mock.close();
});

it.each(Object.keys(schemas))("GET /%s answers a body that validates", async (name) => {
  const res = await fetch(`${mock.url}/${name}`);
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  const check = new SchemaRegistry(doc).check(`/components/schemas/${name}`, { direction: "response", prefix: "" });
  expect(check.run(body).issues).toEqual([]);
  expect(logged.filter((line) => line.startsWith("warning"))).toEqual([]);
});
