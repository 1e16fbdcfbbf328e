/**
 * Every example in the five specs validates: against the generated validators where the example belongs to an
 * operation's request or response, and against the suite's own oracle everywhere (media types, parameters and
 * schema-level `example`/`examples`).
 */
import { describe, expect, it } from "vitest";
import { escapeSegment, isRecord } from "../../generator/openapi/pointer.js";
import { CONFIG, loadApi, type ApiUnderTest } from "./apis.js";
import { Oracle } from "./oracle.js";

interface Found {
  pointer: string;
  schema: unknown;
  value: unknown;
}

/** Keys whose value is a schema, and keys whose value is a map or list of schemas. */
const SCHEMA_CHILD = new Set([
  "schema",
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
]);
const SCHEMA_MAP = new Set(["properties", "patternProperties", "$defs", "allOf", "anyOf", "oneOf", "prefixItems"]);

/** Walks the document for examples, pairing each with the schema it illustrates. */
function examples(node: unknown, pointer: string, isSchema = false, out: Found[] = []): Found[] {
  if (!isRecord(node)) return out;
  const schema = isSchema ? node : node.schema;
  if (schema !== undefined) {
    if (node.example !== undefined) out.push({ pointer: `${pointer}/example`, schema, value: node.example });
    if (isSchema && Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => out.push({ pointer: `${pointer}/examples/${i}`, schema, value }));
    } else if (!isSchema && isRecord(node.examples)) {
      for (const [name, example] of Object.entries(node.examples)) {
        if (isRecord(example) && "value" in example)
          out.push({ pointer: `${pointer}/examples/${name}/value`, schema, value: example.value });
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "default" || key === "enum" || key === "const") continue;
    const at = `${pointer}/${escapeSegment(key)}`;
    const childrenAreSchemas =
      SCHEMA_MAP.has(key) && (isSchema || key === "properties")
        ? true
        : pointer === "#/components" && key === "schemas";
    if (SCHEMA_CHILD.has(key) && (isSchema || key === "schema")) examples(value, at, true, out);
    else if (childrenAreSchemas && (isRecord(value) || Array.isArray(value))) {
      for (const [child, sub] of Object.entries(value)) examples(sub, `${at}/${escapeSegment(child)}`, true, out);
    } else if (Array.isArray(value)) value.forEach((item, i) => examples(item, `${at}/${i}`, false, out));
    else examples(value, at, false, out);
  }
  return out;
}

const apis: ApiUnderTest[] = [];
for (const { name, spec } of CONFIG.apis) apis.push(await loadApi(name, spec));

it("the specs have examples to check", () => {
  expect(apis.flatMap((api) => examples(api.model.document, "#")).length).toBeGreaterThan(10);
});

describe.each(apis.map((api) => [api.model.name, api] as const))("examples of %s", (_name, api) => {
  const oracle = Oracle.create(api.model);
  const found = examples(api.model.document, "#");

  it.each(found.map((f) => [f.pointer, f] as const))("%s validates", async (_pointer, f) => {
    expect((await oracle.schema(f.schema))(f.value)).toBe(true);
  });

  it("operation examples pass the generated validators", () => {
    if (api.client instanceof Error) throw api.client;
    const validators = api.client.operationValidators as Record<
      string,
      {
        body?: Record<string, { validate(v: unknown): unknown[] }>;
        responses: Record<string, Record<string, { validate(v: unknown): unknown[] }>>;
      }
    >;
    let checked = 0;
    for (const op of api.model.operations) {
      for (const media of op.requestBody?.content ?? []) {
        if (media.example === undefined) continue;
        expect(
          validators[op.id]?.body?.[media.mediaType]?.validate(media.example),
          `${op.id} request ${media.mediaType}`,
        ).toEqual([]);
        checked++;
      }
      for (const response of op.responses) {
        for (const media of response.content) {
          if (media.example === undefined) continue;
          const validator = validators[op.id]?.responses[response.status]?.[media.mediaType];
          expect(validator?.validate(media.example), `${op.id} ${response.status} ${media.mediaType}`).toEqual([]);
          checked++;
        }
      }
    }
    const withExamples = api.model.operations
      .flatMap((op) => [...(op.requestBody?.content ?? []), ...op.responses.flatMap((r) => r.content)])
      .filter((m) => m.example !== undefined).length;
    expect(checked).toBe(withExamples);
  });
});
