/**
 * Every document in ../shared/corpus generates and its whole output (types, client, validators, runtime)
 * type-checks under the strictest profile (tsconfig.strictest.json; one tsc child per document). OpenAI (3 MB)
 * and Stripe (4 MB) are the slow ones; CONTACTGEN_SKIP_LARGE_CORPUS=1 skips them for quick local runs.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupScratch, generateInto, strictestProblems, typecheck } from "./helpers.js";
import { CORPUS } from "../support/shared.js";

const LARGE = new Set(["openai-openapi.v3.1.yaml", "stripe-spec3.json"]);
const skipLarge = process.env.CONTACTGEN_SKIP_LARGE_CORPUS === "1";
const documents = readdirSync(CORPUS)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
afterAll(cleanupScratch);

describe("corpus", () => {
  it("has documents to test", () => {
    expect(documents.length).toBeGreaterThanOrEqual(7);
  });

  const check = async (file: string) => {
    const dir = await generateInto(path.join(CORPUS, file), file.replace(/\..*$/, ""));
    const result = await typecheck(dir, { strictest: true });
    expect(strictestProblems(result.output)).toEqual([]);
  };
  const small = documents.filter((f) => !LARGE.has(f));
  const large = documents.filter((f) => LARGE.has(f));
  it.each(small)("%s generates and type-checks under the strictest profile", { timeout: 180_000 }, check);
  it.skipIf(skipLarge).each(large)(
    "%s (large) generates and type-checks under the strictest profile",
    { timeout: 600_000 },
    check,
  );
});
