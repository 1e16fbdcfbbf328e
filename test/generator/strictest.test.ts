/**
 * The committed clients compile under the strictest profile a user's project may have (tsconfig.strictest.json:
 * strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature,
 * noUnusedLocals, noUnusedParameters, verbatimModuleSyntax), each API as its own tsc program, as a user compiles
 * one SDK. Users compile with TypeScript 5.9 or 7, so both lines check them here: 5.9 each API as its own program,
 * 7 the five in one. The corpus documents and the fixtures get the same check on TypeScript 7 (ADR 0174).
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typecheckDirs7 } from "../support/typecheck7.js";
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
  // tsconfig and breaks exactly one promise of the strictest profile. The snippets are modules, one file each, so
  // one program per profile and TypeScript line judges them all, and each file must get exactly its own error.
  const violations = [
    ["exactOptionalPropertyTypes", "export const a: { x?: string } = { x: undefined };", "TS2375"],
    ["noPropertyAccessFromIndexSignature", "export const f = (r: Record<string, number>) => r.total;", "TS4111"],
    ["noUnusedLocals", "const unused = 1;\nexport {};", "TS6133"],
    ["noUnusedParameters", "export function f(unused: number) {\n  return 1;\n}", "TS6133"],
    ["verbatimModuleSyntax", 'import { RequestOptions } from "node:http";\nexport type M = RequestOptions;', "TS1484"],
  ];
  const verdicts = new Map<string, string[]>();
  beforeAll(async () => {
    const dir = scratchDir("strictest-violations");
    await mkdir(dir, { recursive: true });
    for (const [flag, code] of violations) await writeFile(path.join(dir, `${flag}.ts`), `${code}\n`);
    for (const typescript of ["5.9", "7"] as const) {
      for (const strictest of [false, true]) {
        const { output } = await typecheck(dir, { strictest, typescript });
        verdicts.set(`${typescript} ${strictest}`, strictestProblems(output));
      }
    }
  });
  const errorsIn = (flag: string, typescript: string, strictest: boolean) =>
    (verdicts.get(`${typescript} ${strictest}`) ?? [`no verdict from TypeScript ${typescript}`]).filter((line) =>
      line.includes(`${flag}.ts(`),
    );
  it.each(violations)(
    "%s: a violation compiles under strict and fails under strictest, alike on TypeScript 5.9 and 7",
    (flag, _code, error) => {
      expect(errorsIn(flag, "5.9", false)).toEqual([]);
      expect(errorsIn(flag, "7", false)).toEqual([]);
      const strictest = errorsIn(flag, "5.9", true);
      expect(strictest.map((line) => /error (TS\d+)/.exec(line)?.[1])).toEqual([error]);
      // The same diagnostic, word for word (file, position, code, message), from the native compiler.
      expect(errorsIn(flag, "7", true)).toEqual(strictest);
    },
  );
  it("no other file or line got a diagnostic", () => {
    expect(verdicts.get("5.9 false")).toEqual([]);
    expect(verdicts.get("7 false")).toEqual([]);
    expect(verdicts.get("5.9 true")).toHaveLength(violations.length);
    expect(verdicts.get("7 true")).toHaveLength(violations.length);
  });

  it.each(config.apis.map((a) => a.name))(
    "generated/%s compiles (TypeScript 5.9)",
    { timeout: 180_000 },
    async (name) => {
      const result = await typecheck(path.join(ROOT, config.out, name), { strictest: true, typescript: "5.9" });
      expect(strictestProblems(result.output)).toEqual([]);
    },
  );

  it("generated/ compiles (TypeScript 7, the five APIs in one program)", async () => {
    const dirs = config.apis.map((a) => path.join(ROOT, config.out, a.name));
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    expect(await typecheckDirs7(dirs, "tsconfig.strictest.json")).toEqual([]);
  });
});
