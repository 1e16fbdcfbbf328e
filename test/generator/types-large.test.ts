/**
 * Stripe (4 MB) and OpenAI (3 MB): the native types emitter, the openapi-typescript seam (renderTypes) and
 * openapiTS() itself produce the same text. Each document is loaded once and feeds all three, so the README's
 * "byte-identical to openapi-typescript on the whole corpus" holds for the large documents too at the cost of one
 * load and three renders each (tens of seconds, not minutes).
 */
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { renderNativeTypes } from "../../generator/emit/types/native/index.js";
import { OPTIONS, renderTypes, withoutSecurity } from "../../generator/emit/types/openapi-typescript.js";
import { loadCached } from "../support/load-cache.js";
import { CORPUS, corpusDocuments, LARGE_CORPUS, NO_CORPUS } from "../support/shared.js";
import { asReference, firstDifference } from "./native-intended.js";

const LARGE = corpusDocuments().filter((f) => LARGE_CORPUS.has(f));

describe.skipIf(NO_CORPUS)("types of the large corpus documents", () => {
  it("are Stripe and OpenAI", () => {
    expect(LARGE).toEqual(["openai-openapi.v3.1.yaml", "stripe-spec3.json"]);
  });

  it.each(LARGE)(
    "%s: native emitter = renderTypes seam = openapiTS(), byte for byte",
    async (file) => {
      const { doc } = await loadCached(path.join(CORPUS, file));
      const native = renderNativeTypes(doc);
      const seam = renderTypes(doc);
      expect(firstDifference(asReference(native), seam), "native vs openapi-typescript").toBe("");
      const reference = astToString(
        await openapiTS(withoutSecurity(structuredClone(doc)) as Parameters<typeof openapiTS>[0], OPTIONS),
      )
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
      expect(firstDifference(seam, reference), "renderTypes vs openapiTS()").toBe("");
      expect(native.length).toBeGreaterThan(1_000_000);
    },
    180_000,
  );
});
