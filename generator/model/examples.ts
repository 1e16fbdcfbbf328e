import type {
  ExampleObject,
  JsonValue,
  MediaTypeObject,
  OpenApiDocument,
  ReferenceObject,
  SchemaObject,
} from "../load/openapi-types.js";
import { deref } from "../openapi/pointer.js";

/** The first inline value of an `examples` map, following `$ref`s. */
export function firstExample(
  doc: OpenApiDocument,
  examples: Record<string, ExampleObject | ReferenceObject> | undefined,
): JsonValue | undefined {
  if (!examples) return undefined;
  for (const key of Object.keys(examples)) {
    const example = deref<ExampleObject>(doc, examples[key] as ExampleObject | ReferenceObject);
    if (example.value !== undefined) return example.value;
  }
  return undefined;
}

/** Media-type example, else its `examples`, else the schema's `example`/first `examples` entry. */
export function mediaExample(doc: OpenApiDocument, media: MediaTypeObject): JsonValue | undefined {
  if (media.example !== undefined) return media.example;
  const fromExamples = firstExample(doc, media.examples);
  if (fromExamples !== undefined) return fromExamples;
  if (!media.schema) return undefined;
  const schema = deref<SchemaObject>(doc, media.schema);
  if (schema.example !== undefined) return schema.example;
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}
