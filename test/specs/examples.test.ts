import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SPECS } from "./spec-files.js";

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

interface Found {
  pointer: string;
  schemaPointer: string;
  value: unknown;
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

const SCHEMA_KEYS = new Set(["schema", "items", "additionalProperties", "not", "contains", "if", "then", "else"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

/**
 * Independent of the lint rule on purpose: walks the raw YAML for every `example`/`examples` and pairs it with the
 * schema it illustrates, so a bug in the rule's visitor wiring cannot hide an invalid example. `isSchema` says
 * whether `node` sits where a schema goes (so its `examples` is a list, not a map of Example Objects).
 */
function collectExamples(node: unknown, pointer: string, out: Found[], isSchema = false): void {
  if (!isObject(node)) return;
  const isSchemaHolder = !isSchema && node.schema !== undefined; // media type, parameter or header
  const schemaPointer = isSchemaHolder ? `${pointer}/schema` : pointer;
  if ((isSchemaHolder || isSchema) && node.example !== undefined) {
    out.push({ pointer: `${pointer}/example`, schemaPointer, value: node.example });
  }
  if (isSchema && Array.isArray(node.examples)) {
    node.examples.forEach((value, i) => out.push({ pointer: `${pointer}/examples/${i}`, schemaPointer, value }));
  }
  if (isSchemaHolder && isObject(node.examples)) {
    for (const [name, example] of Object.entries(node.examples)) {
      if (isObject(example) && "value" in example) {
        out.push({ pointer: `${pointer}/examples/${escape(name)}/value`, schemaPointer, value: example.value });
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    const here = `${pointer}/${escape(key)}`;
    const schemaMap = (isSchema && SCHEMA_MAPS.has(key)) || here === "/components/schemas";
    if (schemaMap && isObject(value)) {
      for (const [name, child] of Object.entries(value)) collectExamples(child, `${here}/${escape(name)}`, out, true);
    } else if (isSchema && SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((child, i) => collectExamples(child, `${here}/${i}`, out, true));
    } else if (Array.isArray(value)) {
      value.forEach((child, i) => collectExamples(child, `${here}/${i}`, out));
    } else {
      collectExamples(value, here, out, SCHEMA_KEYS.has(key) && (isSchema || key === "schema"));
    }
  }
}

function validatorFor(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema(doc, "urn:contactgen:spec");
  return (schemaPointer: string) =>
    ajv.compile({ $ref: `urn:contactgen:spec#${schemaPointer.split("/").map(encodeURIComponent).join("/")}` });
}

describe.each(SPECS)("examples in $name", ({ spec }) => {
  const doc = parse(readFileSync(spec, "utf8")) as Json;
  const found: Found[] = [];
  collectExamples(doc, "", found);
  const compile = validatorFor(doc);

  it("has examples to check wherever its page shows them", () => {
    // Pylon's page shows no examples at all; every other page shows request and/or response examples.
    if (spec.includes("pylon")) expect(found).toEqual([]);
    else expect(found.length).toBeGreaterThan(0);
  });

  it.each(found.map((f) => [f.pointer, f] as const))("%s validates against its schema", (_pointer, example) => {
    const validate = compile(example.schemaPointer);
    validate(example.value);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe("the checker is not vacuous", () => {
  it("rejects a value that breaks a schema reached through $ref and format", () => {
    const doc = {
      components: { schemas: { A: { type: "object", properties: { e: { type: "string", format: "email" } } } } },
      paths: { "/x": { get: { schema: { $ref: "#/components/schemas/A" } } } },
    };
    const validate = validatorFor(doc)("/paths/~1x/get/schema");
    expect(validate({ e: "nope" })).toBe(false);
    expect(validate({ e: "a@example.com" })).toBe(true);
  });
});
