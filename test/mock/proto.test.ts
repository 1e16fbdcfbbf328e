/**
 * A request schema with a property named `__proto__` (JSON.parse makes it an own property, as a real client's
 * body would be): the mock validates it like any other property, and building its view of the document changes
 * no prototype.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDocument } from "../../generator/load/load.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { issuePaths, send } from "./helpers.js";

const DOC = `{
  "openapi": "3.0.3",
  "info": { "title": "proto", "version": "1" },
  "paths": {
    "/things": {
      "post": {
        "operationId": "createThing",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": ["__proto__"],
                "properties": {
                  "__proto__": { "type": "integer", "minimum": 1, "nullable": true },
                  "name": { "type": "string" }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "created",
            "content": { "application/json": { "schema": { "type": "object", "properties": { "name": { "type": "string" } } } } }
          }
        }
      }
    }
  }
}`;

const doc = (): OpenApiDocument => JSON.parse(DOC) as OpenApiDocument;
let mock: MockServer;
beforeAll(async () => {
  const loaded: LoadedDocument = { file: "proto.json", version: "3.0", doc: doc(), warnings: [] };
  mock = await startMock({ loaded });
});
afterAll(() => mock.close());

describe("a request property named __proto__", () => {
  it.each([
    ["a valid value", '{"__proto__": 2, "name": "a"}', 201, []],
    ["null (3.0 nullable)", '{"__proto__": null}', 201, []],
    ["a string where an integer is documented", '{"__proto__": "x"}', 400, ["/body/__proto__"]],
    ["below the minimum", '{"__proto__": 0}', 400, ["/body/__proto__"]],
    ["missing although required", '{"name": "a"}', 400, ["/body/__proto__"]],
  ])("%s", async (_name, raw, status, paths) => {
    const res = await send(mock.url, "POST", "/things", { raw, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(status);
    if (status === 400) expect(issuePaths(res.json)).toEqual(paths);
  });

  it("changes no prototype while the mock's view of the document is built", () => {
    const registry = new SchemaRegistry(doc());
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      expect(Object.getPrototypeOf(node)).toBe(Array.isArray(node) ? Array.prototype : Object.prototype);
      for (const value of Object.values(node)) visit(value);
    };
    visit(registry.document);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});
