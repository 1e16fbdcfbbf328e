/** Table-driven units of the docs builder: Markdown subset, slugs, TypeScript literals, sample values. */
import { describe, expect, it } from "vitest";
import { rank } from "../../generator/docs/browser/rank.js";
import { parseChangelog } from "../../generator/docs/view/changelog-view.js";
import { placeholder, sampleValue } from "../../generator/docs/examples/sample.js";
import type { SearchEntry } from "../../generator/docs/search-index.js";
import { tsObject, tsValue } from "../../generator/docs/examples/ts-value.js";
import { highlight } from "../../generator/docs/view/highlight.js";
import { typeParts } from "../../generator/docs/view/schema-view.js";
import { Slugger } from "../../generator/docs/view/slug.js";
import { renderText, type Block } from "../../generator/docs/view/text.js";
import type { OpenApiDocument, SchemaObject } from "../../generator/load/openapi-types.js";

describe("renderText (safe Markdown subset)", () => {
  const cases: Array<[string, { given: string | undefined; want: Block[] }]> = [
    ["nothing", { given: undefined, want: [] }],
    ["paragraphs", { given: "a\nb\n\nc", want: [{ paragraph: [{ text: "a b" }] }, { paragraph: [{ text: "c" }] }] }],
    [
      "a list after a paragraph",
      {
        given: "Fields:\n\n- id\n- `email`\n  continued",
        want: [
          { paragraph: [{ text: "Fields:" }] },
          { list: [[{ text: "id" }], [{ text: "email", code: true }, { text: " continued" }]] },
        ],
      },
    ],
    [
      "bold",
      { given: "a **b** c", want: [{ paragraph: [{ text: "a " }, { text: "b", strong: true }, { text: " c" }] }] },
    ],
    ["fenced code keeps text", { given: "```\n<b>x</b>\n```", want: [{ pre: "<b>x</b>" }] }],
    ["HTML stays text", { given: "<img src=x>", want: [{ paragraph: [{ text: "<img src=x>" }] }] }],
    [
      "U+2028 breaks lines",
      { given: "a\u2028\u2028b", want: [{ paragraph: [{ text: "a" }] }, { paragraph: [{ text: "b" }] }] },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => expect(renderText(given)).toEqual(want));
});

describe("Slugger", () => {
  const cases: Array<[string, { given: Array<[string, string]>; want: string[] }]> = [
    ["plain", { given: [["getContact", "op-"]], want: ["op-getContact"] }],
    ["unsafe characters", { given: [['a"><img src=x>', "op-"]], want: ["op-a-img-src-x"] }],
    [
      "clash after cleaning",
      {
        given: [
          ["a b", "op-"],
          ["a/b", "op-"],
        ],
        want: ["op-a-b", "op-a-b-2"],
      },
    ],
    [
      "case-insensitive clash",
      {
        given: [
          ["Ab", ""],
          ["aB", ""],
        ],
        want: ["Ab", "aB-2"],
      },
    ],
    [
      "same key twice",
      {
        given: [
          ["x", ""],
          ["x", ""],
        ],
        want: ["x", "x"],
      },
    ],
    ["empty", { given: [["<>", "s-"]], want: ["s-item"] }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const slugger = new Slugger();
    expect(given.map(([key, prefix]) => slugger.slug(key, prefix))).toEqual(want);
  });
});

describe("tsValue / tsObject", () => {
  const cases: Array<[string, { given: unknown; want: string }]> = [
    ["short object inline", { given: { a: 1, "b-c": "x" }, want: '{ a: 1, "b-c": "x" }' }],
    [
      "__proto__ key is computed",
      { given: { __proto__x: 1, ["__proto__"]: 2 }, want: '{ __proto__x: 1, ["__proto__"]: 2 }' },
    ],
    ["string escapes", { given: "*/\u2028`${x}`", want: '"*/\\u2028`${x}`"' }],
    [
      "long object breaks lines",
      {
        given: { first: "aaaaaaaaaaaaaaaaaaaa", second: "bbbbbbbbbbbbbbbbbbbb", third: [1, 2] },
        want: '{\n  first: "aaaaaaaaaaaaaaaaaaaa",\n  second: "bbbbbbbbbbbbbbbbbbbb",\n  third: [1, 2],\n}',
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const value = JSON.parse(JSON.stringify(given)) as unknown;
    expect(tsValue(value)).toBe(want);
  });

  it("renders option objects from code", () => {
    expect(tsObject([["query", "{ limit: 1 }"]])).toBe("{ query: { limit: 1 } }");
    expect(tsObject([])).toBe("{}");
  });
});

describe("sampleValue", () => {
  const doc = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    components: { schemas: { Role: { type: "string", enum: ["admin", "member"] } } },
  } as unknown as OpenApiDocument;
  const cases: Array<[string, { given: SchemaObject; want: unknown }]> = [
    ["example wins", { given: { type: "string", example: "x" }, want: "x" }],
    ["enum via $ref", { given: { $ref: "#/components/schemas/Role" }, want: "admin" }],
    ["email format", { given: { type: "string", format: "email" }, want: "ada.lovelace@example.com" }],
    ["maxLength respected", { given: { type: "string", maxLength: 3 }, want: "HIN" }],
    ["exclusiveMinimum", { given: { type: "integer", exclusiveMinimum: 0 }, want: 1 }],
    ["nullable type list", { given: { type: ["null", "boolean"] }, want: true }],
    [
      "required and defaulted members",
      {
        given: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string" },
            cursor: { type: "string" },
            limit: { type: "integer", default: 100 },
          },
        },
        want: { name: "NAME", limit: 100 },
      },
    ],
    [
      "friendly member when none required",
      {
        given: { type: "object", properties: { cursor: {}, email: { type: "string", format: "email" } } },
        want: { email: "ada.lovelace@example.com" },
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => expect(sampleValue(doc, given, "HINT")).toEqual(want));
});

describe("typeParts", () => {
  const ctx = { doc: {} as OpenApiDocument, schemaHref: (name: string) => `#schema-${name}` };
  const text = (schema: SchemaObject) =>
    typeParts(ctx, schema)
      .map((p) => p.text)
      .join("");
  const cases: Array<[string, { given: SchemaObject; want: string }]> = [
    ["format", { given: { type: "string", format: "email" }, want: "string <email>" }],
    ["nullable list", { given: { type: ["string", "null"] }, want: "string | null" }],
    ["array of ref", { given: { type: "array", items: { $ref: "#/components/schemas/Contact" } }, want: "Contact[]" }],
    [
      "array of union",
      { given: { type: "array", items: { type: ["string", "integer"] } }, want: "(string | integer)[]" },
    ],
    ["enum", { given: { enum: ["a", "b"] }, want: '"a" | "b"' }],
    ["map", { given: { type: "object", additionalProperties: { type: "integer" } }, want: "Record<string, integer>" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => expect(text(given)).toBe(want));

  it("links component schemas", () => {
    expect(typeParts(ctx, { $ref: "#/components/schemas/Contact" })).toEqual([
      { text: "Contact", href: "#schema-Contact" },
    ]);
  });
});

describe("highlight", () => {
  it("classifies tokens and loses no text", () => {
    const code = 'import { a } from "./x.js";\n// note\nconst n = 1;\n';
    const tokens = highlight(code);
    expect(tokens.map((t) => t.text).join("")).toBe(code);
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.text)).toEqual(['"./x.js"']);
    expect(tokens.filter((t) => t.kind === "comment").map((t) => t.text)).toEqual(["// note"]);
    expect(tokens.filter((t) => t.kind === "keyword").map((t) => t.text)).toEqual(["import", "from", "const"]);
  });
});

describe("placeholder", () => {
  it.each([
    ["x-simple-workspace", "X_SIMPLE_WORKSPACE"],
    ["contactId", "CONTACT_ID"],
    ["__proto__", "PROTO"],
    ["x-evil-`${x}`", "X_EVIL_X"],
    ["<>", "VALUE"],
  ])("%s → %s", (given, want) => expect(placeholder(given)).toBe(want));
});

describe("search ranking", () => {
  const entries: SearchEntry[] = [
    ["property", "Contact.email", "string · Pylon", "pylon.html#schema-Contact", "email contact pylon"],
    ["schema", "Contact", "schema · Pylon", "pylon.html#schema-Contact", "contact pylon"],
    [
      "operation",
      "Create a contact",
      "POST /contacts · Pylon",
      "pylon.html#op-createContact",
      "createcontact post /contacts create a contact pylon",
    ],
    [
      "operation",
      "List contacts",
      "GET /contacts · Pylon",
      "pylon.html#op-listContacts",
      "listcontacts get /contacts list contacts pylon",
    ],
  ];
  const titles = (query: string) => rank(entries, query).map((e) => e[1]);
  it.each([
    ["nothing for an empty query", "  ", []],
    ["an operationId first", "createContact", ["Create a contact"]],
    ["method and path", "get /contacts", ["List contacts"]],
    ["every word must match", "contact zebra", []],
    [
      "exact title, then titles starting with it",
      "contact",
      ["Contact", "Contact.email", "List contacts", "Create a contact"],
    ],
    ["a property by name", "email", ["Contact.email"]],
  ])("%s", (_name, query, want) => expect(titles(query)).toEqual(want));
});

describe("parseChangelog", () => {
  const markdown = [
    "# pylon changelog",
    "",
    "## 2.0.0",
    "",
    "Compared with 1.0.0 (main): the changes call for a **major** version bump.",
    "",
    "### Breaking changes",
    "",
    "- `getContact` — response property `email` removed",
    "",
    "### Additions and compatible changes",
    "",
    "- `listContacts` — query parameter `q` added",
    "",
    "## 1.0.0",
    "",
    "First version of this API description.",
    "",
  ].join("\n");
  it("finds every version, newest first, flagging the ones with breaking changes", () => {
    const versions = parseChangelog(markdown);
    expect(versions.map((v) => [v.version, v.anchor, v.breaking])).toEqual([
      ["2.0.0", "v-2-0-0", true],
      ["1.0.0", "v-1-0-0", false],
    ]);
    expect(versions[0]?.sections.map((s) => [s.title, s.breaking])).toEqual([
      ["Breaking changes", true],
      ["Additions and compatible changes", false],
    ]);
    expect(versions[0]?.sections[0]?.blocks).toEqual([
      {
        list: [
          [
            { text: "getContact", code: true },
            { text: " — response property " },
            { text: "email", code: true },
            { text: " removed" },
          ],
        ],
      },
    ]);
    expect(versions[1]?.intro).toEqual([{ paragraph: [{ text: "First version of this API description." }] }]);
  });
  it("reads a file with no version heading as no versions", () => expect(parseChangelog("# x\n\nnotes")).toEqual([]));
});
