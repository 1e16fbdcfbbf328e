/** Table-driven units of the mock: dialect translation, form parsing, base paths, media selection, synthesis. */
import { describe, expect, it } from "vitest";
import { normalizeDocument } from "../../generator/emit/validators/dialect-document.js";
import { basePathOf } from "../../generator/mock/base-path.js";
import { kindOf, parseForm, selectMedia } from "../../generator/mock/media.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { synthesize } from "../../generator/mock/synth.js";

describe("normalizeDocument as the mock uses it (OpenAPI 3.0 quirks → 2020-12, annotations kept)", () => {
  const mockView = (schema: unknown): unknown =>
    (
      normalizeDocument({ components: { schemas: { x: schema } } }, { direction: "schema", keepAnnotations: true }) as {
        components: { schemas: { x: unknown } };
      }
    ).components.schemas.x;
  it.each([
    ["nullable type", { type: "string", nullable: true }, { type: ["string", "null"] }],
    ["nullable enum", { type: "string", enum: ["a"], nullable: true }, { type: ["string", "null"], enum: ["a", null] }],
    ["nullable reference", { $ref: "#/x", nullable: true }, { anyOf: [{ type: "null" }, { $ref: "#/x" }] }],
    ["nullable false dropped", { oneOf: [{ type: "string" }], nullable: false }, { oneOf: [{ type: "string" }] }],
    [
      "property named nullable kept",
      { properties: { nullable: { type: "boolean" } } },
      { properties: { nullable: { type: "boolean" } } },
    ],
    ["boolean exclusiveMinimum", { minimum: 0, exclusiveMinimum: true }, { exclusiveMinimum: 0 }],
    ["false exclusiveMaximum", { maximum: 9, exclusiveMaximum: false }, { maximum: 9 }],
    ["2020-12 numeric exclusive kept", { exclusiveMinimum: 0 }, { exclusiveMinimum: 0 }],
    ["examples untouched", { example: { nullable: true } }, { example: { nullable: true } }],
    [
      "property named example is a schema",
      { properties: { example: { nullable: true, type: "integer" } } },
      { properties: { example: { type: ["integer", "null"] } } },
    ],
  ])("%s", (_name, given, want) => {
    expect(mockView(given)).toEqual(want);
  });

  // Every place an OpenAPI document holds a schema, with the same 3.0 quirk at each.
  const quirk = { type: "string", nullable: true, example: "e" };
  const fixed = { type: ["string", "null"], example: "e" };
  const media = { "application/json": { schema: quirk, example: { nullable: true } } };
  const operation = {
    parameters: [{ name: "p", in: "query", schema: quirk }],
    requestBody: { content: media },
    responses: { "200": { headers: { h: { schema: quirk } }, content: media } },
    callbacks: { cb: { "{$request.body#/url}": { post: { requestBody: { content: media } } } } },
  };
  const doc = {
    openapi: "3.0.3",
    paths: { "/a": { parameters: [{ name: "q", in: "query", content: media }], post: operation } },
    webhooks: { hook: { post: operation } },
    components: {
      schemas: { S: quirk },
      parameters: { P: { name: "p", in: "query", schema: quirk } },
      headers: { H: { schema: quirk } },
      requestBodies: {
        B: { content: { "text/plain": { schema: quirk, encoding: { f: { headers: { e: { schema: quirk } } } } } } },
      },
      responses: { R: { headers: { h: { schema: quirk } } } },
      pathItems: { I: { get: operation } },
    },
  };
  const normalized = normalizeDocument(doc, { direction: "schema", keepAnnotations: true });
  const at = (pointer: string): unknown =>
    pointer
      .split("/")
      .slice(1)
      .reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment.replace(/~1/g, "/")], normalized);
  it.each([
    "/paths/~1a/parameters/0/content/application~1json/schema",
    "/paths/~1a/post/parameters/0/schema",
    "/paths/~1a/post/requestBody/content/application~1json/schema",
    "/paths/~1a/post/responses/200/headers/h/schema",
    "/paths/~1a/post/responses/200/content/application~1json/schema",
    "/paths/~1a/post/callbacks/cb/{$request.body#~1url}/post/requestBody/content/application~1json/schema",
    "/webhooks/hook/post/requestBody/content/application~1json/schema",
    "/components/schemas/S",
    "/components/parameters/P/schema",
    "/components/headers/H/schema",
    "/components/requestBodies/B/content/text~1plain/schema",
    "/components/requestBodies/B/content/text~1plain/encoding/f/headers/e/schema",
    "/components/responses/R/headers/h/schema",
    "/components/pathItems/I/get/responses/200/content/application~1json/schema",
  ])("translates the schema at %s", (pointer) => {
    expect(at(pointer)).toEqual(fixed);
  });
  it("leaves media type examples alone and never mutates its input", () => {
    expect(at("/paths/~1a/post/requestBody/content/application~1json/example")).toEqual({ nullable: true });
    expect(quirk).toEqual({ type: "string", nullable: true, example: "e" });
  });
});

describe("parseForm", () => {
  it.each([
    ["flat", "a=1&b=x%20y", { a: "1", b: "x y" }],
    ["repeated key", "a=1&a=2", { a: ["1", "2"] }],
    ["deep object", "meta[k]=v&meta[n][m]=w", { meta: { k: "v", n: { m: "w" } } }],
    ["array brackets", "list[]=a&list[]=b", { list: ["a", "b"] }],
    ["indexed array", "list[0]=a&list[1]=b", { list: ["a", "b"] }],
    ["prototype keys ignored", "__proto__[x]=1&constructor[prototype][y]=2&ok=1", { ok: "1" }],
  ])("%s", (_name, given, want) => {
    const parsed = parseForm(given);
    expect(parsed).toEqual(want);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("basePathOf", () => {
  it.each([
    ["https://api.example.com", undefined, ""],
    ["https://api.example.com/", undefined, ""],
    ["https://x.amazonaws.com/main", undefined, "/main"],
    ["/v1/", undefined, "/v1"],
    ["https://{host}/{version}", { host: { default: "h" }, version: { default: "v2" } }, "/v2"],
  ])("%s", (url, variables, want) => {
    expect(basePathOf(url, variables)).toBe(want);
  });
});

describe("selectMedia / kindOf", () => {
  const documented = [{ mediaType: "application/json" }, { mediaType: "image/*" }];
  it.each([
    ["application/json; charset=utf-8", "application/json"],
    ["Application/JSON", "application/json"],
    ["image/png", "image/*"],
    ["text/plain", undefined],
  ])("%s → %s", (given, want) => {
    expect(selectMedia(documented, given)?.mediaType).toBe(want);
  });
  it.each([
    ["application/vnd.api+json", "json"],
    ["application/x-www-form-urlencoded", "form"],
    ["multipart/form-data", "multipart"],
    ["text/csv", "text"],
    ["application/octet-stream", "binary"],
  ])("%s is %s", (given, want) => {
    expect(kindOf(given)).toBe(want);
  });
});

describe("synthesize produces values that validate", () => {
  const schemas: Record<string, unknown> = {
    bounded: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 1000, multipleOf: 7 },
    pattern: { type: "string", pattern: "^MG[0-9a-f]{8}$" },
    lengths: { type: "string", minLength: 12, maxLength: 12, format: "email" },
    nullable: { type: ["null", "string"], format: "date-time" },
    closed: {
      type: "object",
      additionalProperties: false,
      required: ["a"],
      properties: { a: { enum: ["x", "y"] }, b: { type: "boolean" } },
    },
    allOf: {
      allOf: [
        { $ref: "#/components/schemas/closedish" },
        { properties: { c: { type: "number", minimum: 2.5 } }, required: ["c"] },
      ],
    },
    closedish: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } },
    recursive: {
      type: "object",
      required: ["children"],
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/recursive" } } },
    },
    oneOf: { oneOf: [{ type: "null" }, { type: "array", minItems: 2, items: { const: 3 } }] },
    allOfNullable: { allOf: [{ $ref: "#/components/schemas/closedish" }, { nullable: true }] },
    deepNullable: {
      type: "object",
      required: ["a"],
      properties: {
        a: {
          type: "object",
          required: ["b"],
          properties: { b: { anyOf: [{ $ref: "#/components/schemas/deepNullable" }, { type: "null" }] } },
        },
      },
    },
    badNestedExample: {
      type: "object",
      required: ["inner"],
      properties: {
        inner: { type: "object", required: ["x"], properties: { x: { type: "string" } }, example: { y: 1 } },
      },
    },
  };
  const doc = { openapi: "3.1.0", components: { schemas } };
  const registry = new SchemaRegistry(doc);
  it.each(Object.keys(schemas))("%s", (name) => {
    const fragment = `/components/schemas/${name}`;
    const check = registry.check(fragment, { direction: "response", prefix: "" });
    const withExamples = synthesize(registry.document, schemas[name]);
    const value =
      check.run(withExamples).issues.length === 0
        ? withExamples
        : synthesize(registry.document, schemas[name], { examples: false });
    expect(check.run(value).issues).toEqual([]);
  });
  it("is deterministic", () => {
    expect(synthesize(registry.document, schemas.pattern)).toBe(synthesize(registry.document, schemas.pattern));
  });
});

describe("SchemaRegistry issues", () => {
  const doc = {
    components: {
      schemas: {
        c: {
          type: "object",
          additionalProperties: false,
          required: ["n"],
          properties: { n: { type: "string", maxLength: 2 } },
        },
      },
    },
  };
  const check = new SchemaRegistry(doc).check("/components/schemas/c", { direction: "request", prefix: "/body" });
  it.each([
    [{ n: "ab" }, []],
    [{}, [{ path: "/body/n", keyword: "required" }]],
    [{ n: "abc" }, [{ path: "/body/n", keyword: "maxLength" }]],
    [{ n: "a", x: 1 }, [{ path: "/body/x", keyword: "additionalProperties" }]],
    ["text", [{ path: "/body", keyword: "type" }]],
  ])("%j", (value, want) => {
    expect(check.run(value).issues.map(({ path, keyword }) => ({ path, keyword }))).toEqual(want);
  });
});

describe("direction-aware required members", () => {
  const doc = {
    components: {
      schemas: {
        Id: { type: "string", readOnly: true },
        Thing: {
          type: "object",
          required: ["id", "name", "secret"],
          properties: {
            id: { $ref: "#/components/schemas/Id" },
            name: { type: "string" },
            secret: { type: "string", writeOnly: true },
          },
        },
      },
    },
  };
  const registry = new SchemaRegistry(doc);
  it.each([
    ["request", { name: "a", secret: "s" }, []],
    ["request", { name: "a" }, ["/secret"]],
    ["response", { id: "1", name: "a" }, []],
    ["response", { name: "a" }, ["/id"]],
  ] as const)("%s %j", (direction, value, want) => {
    const check = registry.check("/components/schemas/Thing", { direction, prefix: "" });
    expect(check.run(value).issues.map((i) => i.path)).toEqual(want);
  });
});
