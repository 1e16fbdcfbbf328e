/**
 * The types seam skips openapiTS()'s second parse/lint/bundle and calls its exported transformSchema directly.
 * That is only sound while the result is byte-identical to openapiTS() on the same bundled document: checked on
 * our specs, the hostile fixture and the whole corpus (without ../shared, on the first six only).
 */
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { OPTIONS, renderTypes, withoutSecurity } from "../../generator/emit/types/openapi-typescript.js";
import { loadDocument } from "../../generator/load/load.js";
import { CORPUS, corpusDocuments, LARGE_CORPUS } from "../support/shared.js";

const DOCUMENTS = [
  "specs/ctrlhub/openapi.yaml",
  "specs/emnify/openapi.yaml",
  "specs/kare/openapi.yaml",
  "specs/piriod/openapi.yaml",
  "specs/pylon/openapi.yaml",
  "test/fixtures/hostile.yaml",
  // Stripe and OpenAI: types-large.test.ts (loaded once there for this check and the native emitter's).
  ...corpusDocuments()
    .filter((f) => !LARGE_CORPUS.has(f))
    .map((f) => `${CORPUS}/${f}`),
];

describe("types seam", () => {
  it.each(DOCUMENTS)("matches openapiTS() byte for byte on %s", async (file) => {
    const { doc } = await loadDocument(file);
    const reference = astToString(
      await openapiTS(withoutSecurity(structuredClone(doc)) as Parameters<typeof openapiTS>[0], OPTIONS),
    )
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029");
    expect(renderTypes(doc)).toBe(reference);
  });
});
