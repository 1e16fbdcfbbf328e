/**
 * Units of the native types emitter (generator/emit/types/native): member keys, $ref → indexed access, printing
 * (parentheses, indentation), JSON Schema corner cases, and docCommentLines agreeing with docComment. The
 * whole-document agreement with openapi-typescript is native-types.test.ts.
 */
import { describe, expect, it } from "vitest";
import { EMPTY } from "../../generator/emit/code.js";
import { docComment, docCommentLines } from "../../generator/emit/safe.js";
import { docLines } from "../../generator/emit/types/native/comments.js";
import { memberKey } from "../../generator/emit/types/native/keys.js";
import { renderNativeTypes } from "../../generator/emit/types/native/index.js";
import { NULL, print, STRING, union, intersection, type TypeNode } from "../../generator/emit/types/native/nodes.js";
import { refType } from "../../generator/emit/types/native/refs.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";

const printed = (node: TypeNode) => print(node, EMPTY);

describe("memberKey", () => {
  it.each([
    ["name", "name"],
    ["200", "200"],
    ["1.5", "1.5"],
    ["-1", '"-1"'],
    ["007", '"007"'],
    ["x-rate", '"x-rate"'],
    ["__proto__", '["__proto__"]'],
    ['*/ evil "', '"*/ evil \\""'],
    ["a\u2028b", '"a\\u2028b"'],
    ["Infinity", "Infinity"],
  ])("%j → %s", (name, key) => {
    expect(memberKey(name)).toBe(key);
  });
});

describe("refType", () => {
  it.each([
    ["#/components/schemas/Pet", 'components["schemas"]["Pet"]'],
    ["#/components/schemas/a~1b~0c", 'components["schemas"]["a/b~c"]'],
    ["#/components/schemas/Pet/properties/name", 'components["schemas"]["Pet"]["name"]'],
    ["#/paths/~1pets/get", 'paths["/pets"]["get"]'],
    ['#/components/schemas/"]; evil', 'components["schemas"]["\\"]; evil"]'],
    ["#/info/title", "unknown"],
  ])("%s → %s", (ref, type) => {
    expect(printed(refType(ref))).toBe(type);
  });

  it("indexes a deep parameter ref by location and name", () => {
    expect(printed(refType("#/paths/~1a/parameters/0", { in: "query", name: "q" }))).toBe(
      'paths["/a"]["parameters"]["query"]["q"]',
    );
  });
});

describe("printing", () => {
  const array = (element: TypeNode): TypeNode => ({ kind: "array", element });
  it.each<[string, TypeNode, string]>([
    ["array of a union", array(union([STRING, NULL])), "(string | null)[]"],
    ["union inside an intersection", intersection([STRING, union([STRING, NULL])]), "string & (string | null)"],
    ["intersection inside a union", union([intersection([STRING, NULL]), STRING]), "(string & null) | string"],
    ["repeated primitives collapse", union([STRING, STRING, NULL, NULL]), "string | null"],
    ["empty union", union([]), "never"],
  ])("%s", (_, node, text) => {
    expect(printed(node)).toBe(text);
  });
});

function schemaText(schema: unknown, version = "3.1.0"): string {
  const doc = { openapi: version, info: { title: "t", version: "1" }, components: { schemas: { S: schema } } };
  const out = renderNativeTypes(doc as unknown as OpenApiDocument);
  const match = /\n {8}S: ([\s\S]*?);\n {4}\};\n {4}responses/.exec(out);
  return match?.[1] ?? out;
}

describe("schemas", () => {
  it.each<[string, unknown, string]>([
    ["boolean true", true, "unknown"],
    ["boolean false", false, "never"],
    ["3.0 nullable", { type: "string", nullable: true }, "string | null"],
    ["3.1 type array", { type: ["string", "null"] }, "string | null"],
    ["enum with null", { type: ["string", "null"], enum: ["a", null] }, '"a" | null'],
    ["const", { const: -1.5 }, "-1.5"],
    ["binary", { type: "string", format: "binary" }, "Blob"],
    [
      "tuple",
      { type: "array", prefixItems: [{ type: "string" }, { type: "number" }] },
      "[\n            string,\n            number\n        ]",
    ],
    ["nested array", { type: "array", items: { type: "array", items: { type: "integer" } } }, "number[][]"],
    ["open map", { type: "object", additionalProperties: true }, "{\n            [key: string]: unknown;\n        }"],
    ["oneOf primitives", { oneOf: [{ type: "string" }, { type: "number" }] }, "string | number"],
    ["object without properties", { type: "object" }, "Record<string, never>"],
    ["nullable unknown stays unknown", { nullable: true }, "unknown"],
  ])("%s", (_, schema, text) => {
    expect(schemaText(schema)).toBe(text);
  });

  it("brands readOnly and writeOnly members", () => {
    const text = schemaText({
      type: "object",
      required: ["id"],
      properties: { id: { type: "string", readOnly: true }, secret: { type: "string", writeOnly: true } },
    });
    expect(text).toContain("id: $Read<string>;");
    expect(text).toContain("secret?: $Write<string>;");
  });
});

describe("doc comments", () => {
  const samples = [
    "plain text",
    "  leading space",
    "trailing space ",
    "@deprecated forged",
    "  @see forged",
    "closes */ the comment",
    "line\nbreaks\r\nand\u2028separators\u2029too",
    "ends with blank lines\n\n\n",
    "   ",
    "",
    "*",
    "a*/b/*c",
  ];
  it.each(samples)("docCommentLines agrees with docComment on %j", (text) => {
    const lines = docCommentLines(text);
    const block = docComment(text);
    if (lines.length === 0) expect(block).toBe("");
    else if (lines.length === 1) expect(block).toBe(`/** ${lines[0]} */\n`);
    else expect(block).toBe(`/**\n${lines.map((l) => ` *${l ? ` ${l}` : ""}`).join("\n")}\n */\n`);
    for (const line of lines) {
      expect(line).not.toContain("*/");
      expect(line).not.toMatch(/^\s*@/);
      expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    }
  });

  it("writes openapi-typescript's tags and keeps forged ones escaped", () => {
    expect(
      docLines({ title: "T", format: "date", description: "@private\nsecond */", default: 1, deprecated: true }),
    ).toEqual(["T", "Format: date", "@deprecated", "@description \\@private", "    second *\\/", "@default 1"]);
  });
});
