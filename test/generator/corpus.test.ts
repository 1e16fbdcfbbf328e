/**
 * Every document in ../shared/corpus generates and its whole output (types, client, validators, runtime)
 * type-checks under the strictest profile (tsconfig.strictest.json). The small documents share one program (one
 * scratch folder); OpenAI (3 MB) and Stripe (4 MB) get one each, in their own files (corpus-openai.test.ts,
 * corpus-stripe.test.ts, through corpus-large.ts) so that the two workers check them at the same time.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateApi } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { CORPUS, corpusDocuments, LARGE_CORPUS, NO_CORPUS } from "../support/shared.js";
import { cleanupScratch, scratchDir, strictestProblems, typecheck } from "./helpers.js";

const documents = corpusDocuments();
const small = documents.filter((f) => !LARGE_CORPUS.has(f));
const large = documents.filter((f) => LARGE_CORPUS.has(f));
const stem = (file: string) => file.replace(/\..*$/, "");
afterAll(cleanupScratch);

describe.skipIf(NO_CORPUS)("corpus", () => {
  const smallDir = scratchDir("corpus-small");

  it("has the small and the large documents", () => {
    expect(small.length).toBeGreaterThanOrEqual(5);
    // Checked in corpus-openai.test.ts and corpus-stripe.test.ts.
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
});
