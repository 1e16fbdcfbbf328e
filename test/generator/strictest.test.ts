/**
 * The committed clients compile under the strictest profile a user's project may have (tsconfig.strictest.json:
 * strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature,
 * noUnusedLocals, noUnusedParameters, verbatimModuleSyntax), each API as its own tsc program, as a user compiles
 * one SDK. The corpus documents get the same check in corpus.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupScratch, ROOT, strictestProblems, typecheck } from "./helpers.js";

const config = JSON.parse(readFileSync(path.join(ROOT, "generator.config.json"), "utf8")) as {
  out: string;
  apis: { name: string }[];
};
afterAll(cleanupScratch);

describe("strictest profile", () => {
  it("turns on every strictness flag the profile promises", () => {
    const strictest = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.strictest.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(strictest.compilerOptions).toMatchObject({
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noPropertyAccessFromIndexSignature: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      verbatimModuleSyntax: true,
    });
  });

  it.each(config.apis.map((a) => a.name))("generated/%s compiles", { timeout: 180_000 }, async (name) => {
    const result = await typecheck(path.join(ROOT, config.out, name), { strictest: true });
    expect(strictestProblems(result.output)).toEqual([]);
  });
});
