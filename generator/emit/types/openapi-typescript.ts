/**
 * The one seam to openapi-typescript (7.13, pinned; in maintenance mode since 2026-09). It receives the bundled
 * plain object (it carries @redocly/openapi-core 1.x inside, so it must never see our core 2.x Config) and
 * returns the TypeScript text of `paths`, `components` and `operations`.
 */
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "../../load/openapi-types.js";

export async function renderTypes(document: OpenApiDocument): Promise<string> {
  // openapi-typescript mutates while it walks; give it its own copy so other emitters see the original.
  const copy = structuredClone(document) as Parameters<typeof openapiTS>[0];
  const nodes = await openapiTS(copy, {
    // readOnly/writeOnly become $Read/$Write brands, so request and response shapes can differ.
    readWriteMarkers: true,
    silent: true,
  });
  return astToString(nodes);
}
