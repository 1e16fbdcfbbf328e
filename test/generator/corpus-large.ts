/**
 * One large corpus document (Stripe 4 MB, OpenAI 3 MB) generates and its whole output type-checks under the strictest
 * profile. Each has its own test file (corpus-stripe.test.ts, corpus-openai.test.ts) so that the two workers check
 * them side by side: together they are the longest stretch of the suite. CONTACTGEN_SKIP_LARGE_CORPUS=1 skips them
 * for quick local runs (said so when it happens).
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { emitAll, emittersFor } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { loadCached } from "../support/load-cache.js";
import { CORPUS, LARGE_CORPUS, NO_CORPUS } from "../support/shared.js";
import { cleanupScratch, scratchDir, strictestProblems, typecheck } from "./helpers.js";

export function largeCorpusDocument(file: string): void {
  const skipLarge = process.env.CONTACTGEN_SKIP_LARGE_CORPUS === "1";
  if (skipLarge) console.warn(`skipped: ${file} generation (CONTACTGEN_SKIP_LARGE_CORPUS=1)`);
  const stem = file.replace(/\..*$/, "");
  afterAll(cleanupScratch);

  describe.skipIf(NO_CORPUS)("corpus", () => {
    it(`${file} is one of the large documents`, () => {
      expect(LARGE_CORPUS.has(file)).toBe(true);
    });

    it.skipIf(skipLarge)(
      `${file} (large) generates and type-checks under the strictest profile`,
      { timeout: 600_000 },
      async () => {
        const model = buildModel(await loadCached(path.join(CORPUS, file)), stem);
        const dir = scratchDir(stem);
        await writeOutputs([{ dir, files: await emitAll(model, await emittersFor()) }]);
        const result = await typecheck(dir, { strictest: true });
        expect(strictestProblems(result.output)).toEqual([]);
        expect(result.ok).toBe(true);
      },
    );
  });
}
