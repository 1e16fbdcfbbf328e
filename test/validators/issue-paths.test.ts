/**
 * Issue paths: collecting builds no path while it checks (an issue's path is relative to the value its check was
 * handed, and each check that returns with new issues puts its key in front), so nested members, array items,
 * run-time keys that need escaping, in-place applicators, compositions and siblings checked after a deep member must
 * still name the right place.
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
              either: {
                type: "array",
                items: { anyOf: [{ $ref: "#/components/schemas/Leaf" }, { type: "object", required: ["ref"] }] },
              },
              pair: { type: "array", prefixItems: [{ type: "string" }, { $ref: "#/components/schemas/Leaf" }] },
              deps: { type: "object", dependentRequired: { a: ["b"] }, properties: { a: { type: "string" } } },
              "~x/y": { type: "string" },
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
    // A run-time key that starts with `/` must not be taken for a segment the generated code escaped already.
    [
      "run-time keys that start with /",
      { map: { "/a": { id: 2 }, "": {} } },
      ["/map/~1a/id type", "/map//id required"],
    ],
    ["a named member with ~ and /", { "~x/y": 1 }, ["/~0x~1y type"]],
    ["an allOf member and its sibling", { both: { id: "x", n: 9 } }, ["/both/n maximum"]],
    [
      "a sibling after a deep issue",
      { items: [{ id: 1, n: "x" }], after: 5 },
      ["/items/0/id type", "/items/0/n type", "/after type"],
    ],
    [
      "both branches of an anyOf in an item",
      { either: [{ id: "a" }, { id: 3 }] },
      ["/either/1/id type", "/either/1/ref required", "/either/1 anyOf"],
    ],
    ["a tuple member's member", { pair: ["x", { id: "y", n: 1.5 }] }, ["/pair/1/n type"]],
    ["a dependent requirement", { deps: { a: 1 } }, ["/deps/b dependentRequired", "/deps/a type"]],
    ["the root", 7, [" type"]],
  ])("%s", (_label, value, expected) => {
    expect(v.Tree?.validate(value).map((i) => `${i.path} ${i.keyword}`)).toEqual(expected);
  });
});
