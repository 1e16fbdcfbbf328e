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

/**
 * Small object and array bodies written into their caller (ADR 0117): their issues carry the whole path from the
 * function's value, built only when recorded. The same schemas must give the same issues as when called.
 */
describe("issue paths of bodies written in place", () => {
  let page: Validator;
  let code: string;

  beforeAll(async () => {
    const Item = {
      type: "object",
      required: ["id", "constructor"],
      properties: {
        id: { type: "string" },
        constructor: { type: "integer" },
        "a/b": { type: "boolean" },
      },
    };
    const Node = {
      type: "object",
      properties: {
        name: { type: "string" },
        children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
      },
    };
    const generated = await generateModule(
      openapi("3.1.0", {
        components: {
          schemas: {
            Item,
            Plain: { type: "object", required: ["id"], properties: { id: { type: "string" }, n: { type: "integer" } } },
            Bounded: { type: "object", properties: { n: { type: "integer", minimum: 0 } } },
            Node,
            Page: {
              type: "object",
              required: ["data"],
              properties: {
                data: { type: "array", items: { $ref: "#/components/schemas/Plain" } },
                items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
                grid: { type: "array", items: { type: "array", items: { $ref: "#/components/schemas/Plain" } } },
                bounded: { type: "array", items: { $ref: "#/components/schemas/Bounded" } },
                meta: {
                  type: "object",
                  required: ["total"],
                  properties: {
                    total: { type: "integer" },
                    next: { type: ["string", "null"], maxLength: 4 },
                    email: { type: "string", format: "email" },
                  },
                },
                tree: { $ref: "#/components/schemas/Node" },
              },
            },
          },
        },
      }),
      "issue-paths-inline",
    );
    page = generated.schemaValidators.Page as Validator;
    code = generated.code;
  });

  it("writes a list's item body into the loop, with the index in the recorded path", () => {
    expect(code).toMatch(/for \(let (i\d+) = 0; \1 < (d\d+)\.length; \1\+\+\) \{\nconst d\d+: any = \2\[\1\];/);
    expect(code).toMatch(/\$ty\(e, "\/data\/" \+ i\d+ \+ "\/id", 0\)/);
    expect(code).toMatch(/\$r\(e, "constructor", "\/items\/" \+ i\d+\)/);
    // A member the item calls (Bounded's minimum) would need a key built per call: that item stays a call, and so
    // do lists of lists (deeper than MAX_DEPTH) and a recursive schema, which is never written into itself.
    expect(code).not.toMatch(/\(d\d+\[i\d+\], "[^"]*" \+ i\d+/);
    // A member of a member written in place calls with a literal key.
    expect(code).toContain('"/meta/email", e)');
  });

  it.each([
    ["an item's member", { data: [{ id: "a" }, { id: 1, n: 1.5 }] }, ["/data/1/id type", "/data/1/n type"]],
    ["a member the item calls", { data: [], bounded: [{}, { n: -1 }] }, ["/bounded/1/n minimum"]],
    ["an item of the wrong type", { data: [null, 3] }, ["/data/0 type", "/data/1 type"]],
    ["the list of the wrong type", { data: {} }, ["/data type"]],
    ["the list missing", {}, ["/data required"]],
    [
      "required members of an item, one named like a prototype member",
      { data: [{}], items: [{ id: "x" }, { constructor: 1 }] },
      ["/data/0/id required", "/items/0/constructor required", "/items/1/id required"],
    ],
    [
      "an escaped member of an item",
      { data: [], items: [{ id: "x", constructor: 1, "a/b": 1 }] },
      ["/items/0/a~1b type"],
    ],
    ["lists of lists", { data: [], grid: [[{ id: "a" }], [{ id: "b" }, { id: "c", n: 1.5 }]] }, ["/grid/1/1/n type"]],
    [
      "an object member's members",
      { data: [], meta: { next: "toolong" } },
      ["/meta/total required", "/meta/next maxLength"],
    ],
    [
      "a recursive schema, two levels down",
      { data: [], tree: { children: [{ children: [{ name: 1 }] }] } },
      ["/tree/children/0/children/0/name type"],
    ],
  ])("%s", (_label, value, expected) => {
    expect(page.validate(value).map((i) => `${i.path} ${i.keyword}`)).toEqual(expected);
    expect(page.is(value)).toBe(false);
  });

  it("accepts a valid page", () => {
    const valid = {
      data: [{ id: "a", n: 1 }],
      items: [{ id: "x", constructor: 2, "a/b": true }],
      bounded: [{ n: 0 }],
      grid: [[{ id: "b" }]],
      meta: { total: 1, next: null, email: "a@b.co" },
      tree: { name: "root", children: [{ name: "leaf", children: [] }] },
    };
    expect(page.validate(valid)).toEqual([]);
    expect(page.is(valid)).toBe(true);
  });
});
