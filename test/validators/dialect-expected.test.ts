/**
 * The OpenAPI → JSON Schema 2020-12 dialect translation (normalizeSchema), against expected schemas written by
 * hand from the OpenAPI 3.0/3.1 texts, not derived from the code under test. The generated validators, the mock
 * and the conformance oracle all read this translation, so a mistake here would be invisible to the tests that
 * compare them with each other.
 */
import { describe, expect, it } from "vitest";
import { normalizeSchema, type DialectContext, type Direction } from "../../generator/emit/validators/dialect.js";
import type { OpenApiVersion } from "../../generator/load/load.js";

const DOCUMENT = {
  components: {
    schemas: {
      Owner: { type: "object", readOnly: true, properties: { id: { type: "string" } } },
      Secret: { type: "string", writeOnly: true },
    },
  },
};

const context = (version: OpenApiVersion, direction: Direction = "schema"): DialectContext => ({
  version,
  direction,
  document: DOCUMENT,
  mapRef: (ref) => ref,
});

type Case = [name: string, version: OpenApiVersion, direction: Direction, input: unknown, expected: unknown];

const CASES: Case[] = [
  // OpenAPI 3.0.3 §4.7.24: nullable adds null to the allowed values; it does not change `type` otherwise.
  ["3.0 nullable string", "3.0", "schema", { type: "string", nullable: true }, { type: ["string", "null"] }],
  [
    "3.0 nullable enum: null joins the enum too",
    "3.0",
    "schema",
    { type: "string", enum: ["a", "b"], nullable: true },
    { type: ["string", "null"], enum: ["a", "b", null] },
  ],
  [
    "3.0 nullable without a type: anyOf with null",
    "3.0",
    "schema",
    { allOf: [{ $ref: "#/components/schemas/Owner" }], nullable: true },
    { anyOf: [{ type: "null" }, { allOf: [{ $ref: "#/components/schemas/Owner" }] }] },
  ],
  ["nullable: false changes nothing", "3.0", "schema", { type: "integer", nullable: false }, { type: "integer" }],
  // 3.0 takes exclusiveMinimum/Maximum from JSON Schema draft 4: a boolean qualifying minimum/maximum.
  [
    "3.0 exclusiveMinimum: true",
    "3.0",
    "schema",
    { type: "number", minimum: 0, exclusiveMinimum: true },
    { type: "number", exclusiveMinimum: 0 },
  ],
  [
    "3.0 exclusiveMaximum: false",
    "3.0",
    "schema",
    { type: "number", maximum: 10, exclusiveMaximum: false },
    { type: "number", maximum: 10 },
  ],
  // 3.0 §4.7.24 (Reference Object): "any sibling elements of a $ref are ignored"; 3.1 schemas keep them.
  [
    "3.0 $ref siblings are ignored",
    "3.0",
    "schema",
    { $ref: "#/components/schemas/Secret", maxLength: 1 },
    { $ref: "#/components/schemas/Secret" },
  ],
  [
    "3.1 $ref siblings apply",
    "3.1",
    "schema",
    { $ref: "#/components/schemas/Secret", maxLength: 1 },
    { $ref: "#/components/schemas/Secret", maxLength: 1 },
  ],
  // 3.0-isms real 3.1 documents carry (OpenAI's): read as 3.0 meant them.
  ["3.1 with a 3.0 nullable", "3.1", "schema", { type: "string", nullable: true }, { type: ["string", "null"] }],
  [
    "3.1 with a 3.0 boolean exclusiveMinimum",
    "3.1",
    "schema",
    { type: "integer", minimum: 1, exclusiveMinimum: true },
    { type: "integer", exclusiveMinimum: 1 },
  ],
  ["3.1 numeric exclusiveMinimum stays", "3.1", "schema", { exclusiveMinimum: 5 }, { exclusiveMinimum: 5 }],
  [
    "3.1 type arrays stay",
    "3.1",
    "schema",
    { type: ["string", "null"], maxLength: 3 },
    { type: ["string", "null"], maxLength: 3 },
  ],
  // OpenAPI-only annotations never affect validity.
  [
    "discriminator, xml, externalDocs, example and x-* are dropped, nested too",
    "3.1",
    "schema",
    {
      type: "object",
      discriminator: { propertyName: "kind" },
      xml: { name: "a" },
      externalDocs: { url: "https://example.com" },
      example: { kind: "x" },
      "x-vendor": { any: true },
      properties: { kind: { type: "string", example: "x", "x-order": 1 } },
    },
    { type: "object", properties: { kind: { type: "string" } } },
  ],
  [
    "subschemas in every position are translated",
    "3.0",
    "schema",
    {
      allOf: [{ type: "string", nullable: true }],
      items: { type: "number", minimum: 1, exclusiveMinimum: true },
      additionalProperties: { type: "boolean", nullable: true },
      not: { type: "integer", nullable: true },
    },
    {
      allOf: [{ type: ["string", "null"] }],
      items: { type: "number", exclusiveMinimum: 1 },
      additionalProperties: { type: ["boolean", "null"] },
      not: { type: ["integer", "null"] },
    },
  ],
  // OpenAPI 3.x: readOnly properties "SHOULD NOT be sent as part of the request" (so `required` does not bind a
  // request), writeOnly ones "SHOULD NOT be sent as part of the response".
  [
    "request: a required readOnly property may be absent",
    "3.1",
    "request",
    {
      type: "object",
      required: ["id", "name"],
      properties: { id: { type: "string", readOnly: true }, name: { type: "string" } },
    },
    {
      type: "object",
      required: ["name"],
      properties: { id: { type: "string", readOnly: true }, name: { type: "string" } },
    },
  ],
  [
    "request: readOnly seen through a $ref",
    "3.1",
    "request",
    { type: "object", required: ["owner"], properties: { owner: { $ref: "#/components/schemas/Owner" } } },
    { type: "object", required: [], properties: { owner: { $ref: "#/components/schemas/Owner" } } },
  ],
  [
    "response: a required writeOnly property may be absent",
    "3.1",
    "response",
    {
      type: "object",
      required: ["secret", "id"],
      properties: { secret: { $ref: "#/components/schemas/Secret" }, id: { type: "string", readOnly: true } },
    },
    {
      type: "object",
      required: ["id"],
      properties: { secret: { $ref: "#/components/schemas/Secret" }, id: { type: "string", readOnly: true } },
    },
  ],
  [
    "schema direction: required untouched",
    "3.1",
    "schema",
    { type: "object", required: ["id"], properties: { id: { type: "string", readOnly: true } } },
    { type: "object", required: ["id"], properties: { id: { type: "string", readOnly: true } } },
  ],
  // An empty enum is valid JSON Schema that no value satisfies.
  ["an empty enum accepts nothing", "3.1", "schema", { enum: [] }, { allOf: [false] }],
  ["boolean schemas stay", "3.1", "schema", false, false],
];

describe("dialect translation against hand-written JSON Schema 2020-12", () => {
  it.each(CASES)("%s (%s, %s)", (_name, version, direction, input, expected) => {
    const before = structuredClone(input);
    expect(normalizeSchema(input, context(version, direction))).toEqual(expected);
    expect(input, "the input is not modified").toEqual(before);
  });
});
