/**
 * OpenAPI semantics of the generated validators: 3.0's dialect, 3.0-isms in 3.1 documents, OpenAPI-only
 * keywords, formats, readOnly/writeOnly per direction, extra response properties, parameter sets.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";
import { generateCode, generateModule, openapi, type GeneratedValidators } from "./helpers.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const ACCOUNT = {
  type: "object",
  required: ["id", "name", "password"],
  properties: {
    id: { type: "string", readOnly: true },
    name: { type: "string", maxLength: 64 },
    password: { type: "string", writeOnly: true },
    owner: { $ref: "#/components/schemas/Owner" },
  },
};
const OWNER = { type: "object", required: ["ownerId"], properties: { ownerId: { type: "string", readOnly: true } } };

function accountPaths(): Record<string, unknown> {
  return {
    "/accounts/{id}": {
      put: {
        operationId: "putAccount",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "X-Workspace", in: "header", required: true, schema: { type: "string" } },
        ],
        requestBody: { content: { "application/json": { schema: ref("Account") } } },
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: ref("Account") } } },
          "201": { description: "closed", content: { "application/json": { schema: ref("Closed") } } },
        },
      },
    },
  };
}

const DOC30 = openapi("3.0.3", {
  paths: accountPaths() as never,
  components: {
    schemas: {
      Account: ACCOUNT,
      Owner: OWNER,
      Closed: { type: "object", additionalProperties: false, properties: { id: { type: "string" } } },
      NullableString: { type: "string", nullable: true },
      NullableEnum: { type: "string", enum: ["a", "b"], nullable: true },
      NullableRef: { allOf: [ref("Owner")], nullable: true },
      ExclusiveMin: { type: "number", minimum: 0, exclusiveMinimum: true },
      InclusiveMax: { type: "number", maximum: 10, exclusiveMaximum: false },
      RefWithSiblings: { $ref: "#/components/schemas/NullableString", maxLength: 1 },
      Annotated: {
        type: "object",
        discriminator: { propertyName: "kind" },
        xml: { name: "annotated" },
        externalDocs: { url: "https://example.com" },
        example: { kind: "x" },
        "x-vendor": { anything: true },
        properties: { kind: { type: "string", example: "x", deprecated: true } },
      },
      Email: { type: "string", format: "email" },
      DateTime: { type: "string", format: "date-time" },
      Uuid: { type: "string", format: "uuid" },
      Uri: { type: "string", format: "uri" },
      Int32: { type: "integer", format: "int32" },
      VendorFormat: { type: "string", format: "x-not-a-format" },
    } as never,
  },
});

const DOC31 = openapi("3.1.0", {
  components: {
    schemas: {
      // 3.0-isms that real 3.1 documents (OpenAI's) carry.
      LegacyNullable: { type: "string", nullable: true },
      LegacyExclusive: { type: "integer", minimum: 1, exclusiveMinimum: true },
      TypeList: { type: ["string", "null"] },
      Bound: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 1000 },
      Pattern: { type: "string", pattern: "^[a-z]+-\\d{2}$" },
      Const: { const: { a: [1, 2] } },
      // Parsed, because `{ __proto__: ... }` in a literal would set the prototype instead of a property.
      Proto: JSON.parse(
        '{"type":"object","properties":{"__proto__":{"type":"number"},"constructor":{"type":"string"}}}',
      ),
    } as never,
  },
});

type Row = [string, string, unknown, boolean];

const CASES_30: Row[] = [
  ["nullable string accepts null", "NullableString", null, true],
  ["nullable string accepts a string", "NullableString", "a", true],
  ["nullable string rejects a number", "NullableString", 1, false],
  ["nullable enum accepts null", "NullableEnum", null, true],
  ["nullable enum rejects other strings", "NullableEnum", "c", false],
  ["nullable allOf accepts null", "NullableRef", null, true],
  ["nullable allOf still checks objects", "NullableRef", {}, false],
  ["boolean exclusiveMinimum excludes the bound", "ExclusiveMin", 0, false],
  ["boolean exclusiveMinimum allows above", "ExclusiveMin", 0.1, true],
  ["exclusiveMaximum false keeps the bound", "InclusiveMax", 10, true],
  ["$ref siblings are ignored in 3.0", "RefWithSiblings", "abc", true],
  ["OpenAPI keywords do not break validation", "Annotated", { kind: "x" }, true],
  ["OpenAPI keywords: types still apply", "Annotated", { kind: 1 }, false],
  ["email asserted (valid)", "Email", "ada@example.com", true],
  ["email asserted (invalid)", "Email", "not an email", false],
  ["date-time asserted (valid)", "DateTime", "2023-11-07T05:31:56Z", true],
  ["date-time asserted (invalid)", "DateTime", "2023-02-30T05:31:56Z", false],
  ["uuid asserted (valid)", "Uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true],
  ["uuid asserted (invalid)", "Uuid", "2eb8aa08", false],
  ["uri asserted (valid)", "Uri", "https://example.com/a?b#c", true],
  ["uri asserted (invalid)", "Uri", "/relative", false],
  ["int32 range", "Int32", 2 ** 31, false],
  ["unknown formats are annotations", "VendorFormat", "anything", true],
  ["component schema keeps readOnly required", "Account", { name: "a", password: "p" }, false],
];

const CASES_31: Row[] = [
  ["3.1 with nullable: null accepted", "LegacyNullable", null, true],
  ["3.1 with boolean exclusiveMinimum", "LegacyExclusive", 1, false],
  ["3.1 with boolean exclusiveMinimum (above)", "LegacyExclusive", 2, true],
  ["type list with null", "TypeList", null, true],
  ["numeric exclusive bounds", "Bound", 0, false],
  ["numeric exclusive bounds (inside)", "Bound", 999, true],
  ["pattern (RE2) matches", "Pattern", "abc-12", true],
  ["pattern (RE2) rejects", "Pattern", "abc-123", false],
  ["const compares JSON values", "Const", { a: [1, 2] }, true],
  ["const rejects other values", "Const", { a: [2, 1] }, false],
  ["own __proto__ property is checked", "Proto", JSON.parse('{"__proto__": "x"}'), false],
  ["inherited constructor is not a property", "Proto", {}, true],
];

function check(validators: Record<string, Validator>, [, name, value, valid]: Row): void {
  const validator = validators[name];
  expect(validator, name).toBeDefined();
  expect(validator?.is(value)).toBe(valid);
  expect(validator?.validate(value).length === 0).toBe(valid);
}

describe("OpenAPI 3.0 dialect", () => {
  let generated: GeneratedValidators;
  beforeAll(async () => {
    generated = await generateModule(DOC30, "dialect30");
  });

  it.each(CASES_30)("%s", (...row) => check(generated.schemaValidators, row));

  it("does not require readOnly properties in requests, nor writeOnly ones in responses", () => {
    const op = generated.operationValidators.putAccount as OperationValidators;
    const body = op.body?.["application/json"];
    const response = op.responses["200"]?.["application/json"];
    // readOnly id (and the nested readOnly ownerId) may be absent from a request; writeOnly password may not.
    expect(body?.validate({ name: "a", password: "p", owner: {} })).toEqual([]);
    expect(body?.validate({ name: "a" }).map((i) => i.path)).toEqual(["/password"]);
    // A response may omit the writeOnly password, but not the readOnly id.
    expect(response?.validate({ id: "1", name: "a", owner: { ownerId: "o" } })).toEqual([]);
    expect(response?.validate({ name: "a" }).map((i) => i.path)).toEqual(["/id"]);
  });

  it("allows unknown extra response properties unless the schema forbids them", () => {
    const op = generated.operationValidators.putAccount as OperationValidators;
    expect(op.responses["200"]?.["application/json"]?.validate({ id: "1", name: "a", addedLater: 1 })).toEqual([]);
    const closed = op.responses["201"]?.["application/json"]?.validate({ id: "1", extra: true });
    expect(closed).toEqual([
      { path: "/extra", keyword: "additionalProperties", message: "is not an allowed property" },
    ]);
  });

  it("validates path, query and header parameters as one object each", () => {
    const op = generated.operationValidators.putAccount as OperationValidators;
    expect(op.path?.validate({ id: "2eb8aa08-aa98-11ea-b4aa-73b441d16380" })).toEqual([]);
    expect(op.path?.validate({ id: "nope" }).map((i) => [i.path, i.keyword])).toEqual([["/id", "format"]]);
    expect(op.query?.validate({})).toEqual([]);
    expect(op.query?.validate({ limit: 0 }).map((i) => i.message)).toEqual(["must be at least 1"]);
    expect(op.headers?.validate({}).map((i) => i.path)).toEqual(["/X-Workspace"]);
  });

  it("reports JSON Pointer paths, keywords and readable messages", () => {
    const issues = generated.schemaValidators.Account?.validate({ id: 1, name: "x".repeat(65), password: "p" });
    expect(issues).toEqual([
      { path: "/id", keyword: "type", message: "must be a string" },
      { path: "/name", keyword: "maxLength", message: "must have at most 64 characters" },
    ]);
  });

  it("exports is<Name>/validate<Name> per component schema", () => {
    expect(typeof generated.module.isNullableString).toBe("function");
    expect((generated.module.validateEmail as (v: unknown) => unknown[])("x")).toHaveLength(1);
  });

  it("is deterministic", () => {
    expect(generateCode(DOC30, "dialect30")).toBe(generated.code);
  });
});

describe("OpenAPI 3.1 (JSON Schema 2020-12) with 3.0-isms", () => {
  let generated: GeneratedValidators;
  beforeAll(async () => {
    generated = await generateModule(DOC31, "dialect31");
  });

  it.each(CASES_31)("%s", (...row) => check(generated.schemaValidators, row));
});

describe("schemas that cannot be compiled", () => {
  it.each([
    ["an unknown type", { type: "strnig" }, '#/components/schemas/Bad/type: "strnig" is not a JSON Schema type'],
    [
      "an invalid pattern",
      { type: "string", pattern: "(" },
      'pattern "(" at #/components/schemas/Bad/pattern: it is not a valid ECMAScript regular expression',
    ],
    [
      "a pattern only a backtracking engine runs",
      { type: "string", pattern: "^(a)\\1$" },
      'pattern "^(a)\\\\1$" at #/components/schemas/Bad/pattern: it needs a backtracking engine',
    ],
    [
      "a dangling $ref",
      { $ref: "#/components/schemas/Missing" },
      '#/components/schemas/Bad: unresolved $ref "#/components/schemas/Missing"',
    ],
    ["a non-numeric bound", { minLength: "x" }, "#/components/schemas/Bad/minLength: must be a non-negative integer"],
  ])("%s gives a SpecError naming the file and the schema", (_name, schema, expected) => {
    const doc = openapi("3.1.0", { components: { schemas: { Bad: schema } as never } });
    expect(() => generateCode(doc, "broken")).toThrow(expected);
    expect(() => generateCode(doc, "broken")).toThrow(/^broken\.yaml: cannot generate validators: /);
  });
});

describe("media types", () => {
  it("checks JSON, form and multipart bodies; documents other media types without checking them against the schema", async () => {
    const object = { type: "object", required: ["id"], properties: { id: { type: "string" } } };
    const doc = openapi("3.1.0", {
      paths: {
        "/things": {
          post: {
            operationId: "postThing",
            requestBody: {
              content: {
                "application/x-www-form-urlencoded": { schema: object },
                "multipart/form-data": { schema: object },
              },
            },
            responses: {
              "200": {
                description: "ok",
                content: { "application/problem+json": { schema: object }, "application/xml": { schema: object } },
              },
            },
          },
        },
      } as never,
    });
    const op = (await generateModule(doc, "media")).operationValidators.postThing as OperationValidators;
    expect(Object.keys(op.body ?? {})).toEqual(["application/x-www-form-urlencoded", "multipart/form-data"]);
    expect(op.body?.["application/x-www-form-urlencoded"]?.validate({}).map((i) => i.path)).toEqual(["/id"]);
    expect(op.body?.["multipart/form-data"]?.validate({}).map((i) => i.path)).toEqual(["/id"]);
    expect(op.responses["200"]?.["application/problem+json"]?.validate({}).map((i) => i.path)).toEqual(["/id"]);
    expect(op.responses["200"]?.["application/xml"]?.validate("<thing/>")).toEqual([]);
  });
});
