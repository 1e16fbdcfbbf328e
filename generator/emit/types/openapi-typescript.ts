/**
 * The one seam to openapi-typescript (7.13, pinned; in maintenance mode since 2026-09). It receives the bundled
 * plain object (it carries @redocly/openapi-core 1.x inside, so it must never see our core 2.x Config) and
 * returns the TypeScript text of `paths`, `components` and `operations`.
 */
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "../../load/openapi-types.js";

export async function renderTypes(document: OpenApiDocument): Promise<string> {
  // openapi-typescript mutates while it walks; give it its own copy so other emitters see the original.
  const copy = withoutSecurity(structuredClone(document)) as Parameters<typeof openapiTS>[0];
  const nodes = await openapiTS(copy, {
    // readOnly/writeOnly become $Read/$Write brands, so request and response shapes can differ.
    readWriteMarkers: true,
    // A default is what the server assumes when a field is absent, so a defaulted field is optional to send
    // (openapi-typescript's default would force callers to send Pylon's `limit`, Piriod's `invoicing`).
    defaultNonNullable: false,
    silent: true,
  });
  // A raw U+2028/U+2029 is legal in a string literal but ends a `//` comment; as an escape it is inert everywhere
  // (same value inside strings, readable text inside comments).
  return astToString(nodes)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Security requirements and schemes produce no types, and core 1.x's walker crashes on a requirement keyed by an
 * Object.prototype name (`security: [{ constructor: [] }]`, a legal scheme name), so they are left out here.
 */
function withoutSecurity(document: OpenApiDocument): OpenApiDocument {
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
