/**
 * Every document in ../shared/corpus generates and its whole output (types, client, validators, runtime)
 * type-checks under the strictest profile (tsconfig.strictest.json). The small documents share one tsc program
 * (one scratch folder, one child tsc); OpenAI (3 MB) and Stripe (4 MB) get one each, from a shared load.
 * CONTACTGEN_SKIP_LARGE_CORPUS=1 skips the large two for quick local runs (said so when it happens).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build.js";
import { emitAll, emittersFor, generateApi } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { CORPUS, corpusDocuments, LARGE_CORPUS, NO_CORPUS } from "../support/shared.js";
import { loadCached } from "../support/load-cache.js";
import { cleanupScratch, scratchDir, strictestProblems, typecheck } from "./helpers.js";

const skipLarge = process.env.CONTACTGEN_SKIP_LARGE_CORPUS === "1";
if (skipLarge) console.warn("skipped: Stripe and OpenAI generation (CONTACTGEN_SKIP_LARGE_CORPUS=1)");
const documents = corpusDocuments();
const small = documents.filter((f) => !LARGE_CORPUS.has(f));
const large = documents.filter((f) => LARGE_CORPUS.has(f));
const stem = (file: string) => file.replace(/\..*$/, "");
afterAll(cleanupScratch);

describe.skipIf(NO_CORPUS)("corpus", () => {
  const smallDir = scratchDir("corpus-small");

  it("has the small and the large documents", () => {
    expect(small.length).toBeGreaterThanOrEqual(5);
    expect(large).toEqual(["openai-openapi.v3.1.yaml", "stripe-spec3.json"]);
  });

  it.each(small)("%s generates", async (file) => {
    const { files } = await generateApi(path.join(CORPUS, file), stem(file));
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["client.ts", "types.ts", "validators.ts"]));
    await writeOutputs([{ dir: path.join(smallDir, stem(file)), files }]);
  });

  it("the small documents' output type-checks under the strictest profile (one tsc program)", async () => {
    await mkdir(smallDir, { recursive: true });
    const result = await typecheck(smallDir, { strictest: true });
    expect(strictestProblems(result.output)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.skipIf(skipLarge).each(large)(
    "%s (large) generates and type-checks under the strictest profile",
    { timeout: 600_000 },
    async (file) => {
      const model = buildModel(await loadCached(path.join(CORPUS, file)), stem(file));
      const dir = scratchDir(stem(file));
      await writeOutputs([{ dir, files: await emitAll(model, await emittersFor()) }]);
      const result = await typecheck(dir, { strictest: true });
      expect(strictestProblems(result.output)).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );
});
