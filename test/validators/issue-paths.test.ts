/**
 * Issue paths: collecting builds no path while it checks (keys are recorded by depth and a JSON Pointer is joined
 * only for an issue), so nested members, array items, run-time keys that need escaping, in-place applicators and
 * siblings checked after a deep member must still name the right place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../../generator/runtime/validation.js";
import { generateModule, openapi } from "./helpers.js";

let v: Record<string, Validator>;

beforeAll(async () => {
  const Leaf = { type: "object", required: ["id"], properties: { id: { type: "string" }, n: { type: "integer" } } };
  ({ schemaValidators: v } = await generateModule(
    openapi("3.1.0", {
      components: {
        schemas: {
          Leaf,
          Tree: {
            type: "object",
            properties: {
              items: { type: "array", items: { $ref: "#/components/schemas/Leaf" } },
              map: { type: "object", additionalProperties: { $ref: "#/components/schemas/Leaf" } },
              both: { allOf: [{ $ref: "#/components/schemas/Leaf" }, { properties: { n: { maximum: 3 } } }] },
              after: { type: "string" },
            },
          },
        },
      },
    }),
    "issue-paths",
  ));
});

describe("issue paths", () => {
  it.each([
    ["an array item's member", { items: [{ id: "a" }, { id: 1 }] }, ["/items/1/id type"]],
    ["a missing member of an item", { items: [{ id: "a" }, {}] }, ["/items/1/id required"]],
    [
      "run-time keys with ~ and /",
      { map: { "a/b": { id: 2 }, "c~d": {} } },
      ["/map/a~1b/id type", "/map/c~0d/id required"],
    ],
    ["an allOf member and its sibling", { both: { id: "x", n: 9 } }, ["/both/n maximum"]],
    [
      "a sibling after a deep issue",
      { items: [{ id: 1, n: "x" }], after: 5 },
      ["/items/0/id type", "/items/0/n type", "/after type"],
    ],
    ["the root", 7, [" type"]],
  ])("%s", (_label, value, expected) => {
    expect(v.Tree?.validate(value).map((i) => `${i.path} ${i.keyword}`)).toEqual(expected);
  });
});
