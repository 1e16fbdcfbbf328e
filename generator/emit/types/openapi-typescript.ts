/**
 * The one seam to openapi-typescript (7.13, pinned; in maintenance mode since 2026-09). It receives the bundled
 * plain object and returns the TypeScript text of `paths`, `components` and `operations`.
 *
 * openapiTS() would parse, lint and bundle the document again with the @redocly/openapi-core 1.x it carries
 * (never to be handed our core 2.x Config) — about half its run time on Stripe, for a document our loader has
 * already checked and bundled. So this seam calls its exported `transformSchema` with the same context openapiTS
 * builds (test/generator/types-seam.test.ts proves the output is byte-identical).
 */
import ts from "typescript";
import { astToString, resolveRef, scanDiscriminators, transformSchema } from "openapi-typescript";
import { isBinarySchema } from "./binary.js";
import type { OpenApiDocument } from "../../load/openapi-types.js";

type Schema = Parameters<typeof transformSchema>[0];
type Context = Parameters<typeof transformSchema>[1];

/** Binary strings are Blob (./binary.ts); the native engine applies the same rule. */
function binaryTransform(schemaObject: unknown): ts.TypeNode | undefined {
  return isBinarySchema(schemaObject as Record<string, unknown>)
    ? ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"))
    : undefined;
}

export const OPTIONS = {
  // readOnly/writeOnly become $Read/$Write brands, so request and response shapes can differ.
  readWriteMarkers: true,
  // A default is what the server assumes when a field is absent, so a defaulted field is optional to send
  // (openapi-typescript's default would force callers to send Pylon's `limit`, Piriod's `invoicing`).
  defaultNonNullable: false,
  silent: true,
  transform: binaryTransform,
} as const;

/** openapiTS()'s context with its defaults (openapi-typescript/src/index.ts), minus the Redocly config it never reads. */
function context(schema: Schema): Context {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: OPTIONS.defaultNonNullable,
    discriminators: scanDiscriminators(schema, OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as Context["redoc"],
    silent: true,
    inject: undefined,
    transform: OPTIONS.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: OPTIONS.readWriteMarkers,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}

export function renderTypes(document: OpenApiDocument): string {
  if (typeof document.openapi === "string" && document.openapi.startsWith("3.2.") && hasOperationsOf32(document)) {
    throw new Error(
      "openapi-typescript 7.13 does not read OpenAPI 3.2 `query` or `additionalOperations` operations: generate this document with the native types engine (the default)",
    );
  }
  // openapi-typescript mutates while it walks; give it its own copy so other emitters see the original.
  const schema = withoutSecurity(structuredClone(document)) as Schema;
  // A raw U+2028/U+2029 is legal in a string literal but ends a `//` comment; as an escape it is inert everywhere
  // (same value inside strings, readable text inside comments).
  return astToString(transformSchema(schema, context(schema)))
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function hasOperationsOf32(document: OpenApiDocument): boolean {
  return Object.values(document.paths ?? {}).some(
    (item) => typeof item === "object" && item !== null && ("query" in item || "additionalOperations" in item),
  );
}

/**
 * Security requirements and schemes produce no types. They are left out so the full openapiTS() path stays usable
 * for comparison: its core 1.x walker crashes on a requirement keyed by an Object.prototype name
 * (`security: [{ constructor: [] }]`, a legal scheme name).
 */
export function withoutSecurity(document: OpenApiDocument): OpenApiDocument {
  delete document.security;
  if (document.components) delete document.components.securitySchemes;
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem as Record<string, unknown>)) {
      if (typeof operation === "object" && operation !== null && "security" in operation) {
        delete (operation as { security?: unknown }).security;
      }
    }
  }
  return document;
}
