/**
 * The committed clients compile under the strictest profile a user's project may have (tsconfig.strictest.json:
 * strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature,
 * noUnusedLocals, noUnusedParameters, verbatimModuleSyntax), each API as its own tsc program, as a user compiles
 * one SDK. The corpus documents get the same check in corpus.test.ts.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupScratch, ROOT, scratchDir, strictestProblems, typecheck } from "./helpers.js";

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

  // The check can fail, and the profile is what makes it fail: each snippet compiles under the project's strict
  // tsconfig and breaks exactly one promise of the strictest profile.
  it.each([
    ["exactOptionalPropertyTypes", "export const a: { x?: string } = { x: undefined };", "TS2375"],
    ["noPropertyAccessFromIndexSignature", "export const f = (r: Record<string, number>) => r.total;", "TS4111"],
    ["noUnusedLocals", "const unused = 1;\nexport {};", "TS6133"],
    ["noUnusedParameters", "export function f(unused: number) {\n  return 1;\n}", "TS6133"],
    ["verbatimModuleSyntax", 'import { RequestOptions } from "node:http";\nexport type M = RequestOptions;', "TS1484"],
  ])("%s: a violation compiles under strict and fails under strictest", async (_flag, code, error) => {
    const dir = scratchDir("strictest-violation");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "violation.ts"), `${code}\n`);
    expect(await typecheck(dir)).toEqual({ ok: true, output: "" });
    const strictest = await typecheck(dir, { strictest: true });
    expect(strictestProblems(strictest.output).map((line) => /error (TS\d+)/.exec(line)?.[1])).toEqual([error]);
  });

  it.each(config.apis.map((a) => a.name))("generated/%s compiles", { timeout: 180_000 }, async (name) => {
    const result = await typecheck(path.join(ROOT, config.out, name), { strictest: true });
    expect(strictestProblems(result.output)).toEqual([]);
  });
});
