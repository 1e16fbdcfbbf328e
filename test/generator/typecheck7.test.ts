/**
 * The TypeScript 7 checker (test/support/typecheck7.ts) that the corpus and fixture checks rely on can fail: planted
 * errors of several kinds are each reported, in tsc's `file(line,col): error TSnnnn: …` form with paths relative to
 * the checkout, under the profile asked for. A green corpus check therefore means the output compiled, not that the
 * checker saw nothing. strictest.test.ts shows that TypeScript 5.9 reports each strictest violation word for word
 * as 7 does.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/ts-files.js";
import { splitDiagnostics } from "../../generator/typescript7.js";
import { typecheckDirs7, typecheckFiles7 } from "../support/typecheck7.js";
import { cleanupScratch, scratchDir } from "./helpers.js";

const CLEAN = `export interface Pet {\n  name: string;\n  tag?: string;\n}\nexport const pet: Pet = { name: "a" };\n`;
// One error per line, each of a different kind; the second's message has chained lines.
const PLANTED = [
  "const unused = 1;",
  "export const t: { p?: string } = { p: undefined };",
  "export const n: number = 'x';",
  "export const f = (r: Record<string, number>) => r.total;",
  'import { missing } from "./nowhere.js";',
  "export { missing };",
].join("\n");

let clean = "";
let bad = "";
beforeAll(async () => {
  clean = scratchDir("tsc7-clean");
  bad = scratchDir("tsc7-planted");
  await mkdir(clean, { recursive: true });
  await mkdir(bad, { recursive: true });
  await writeFile(path.join(clean, "pet.ts"), CLEAN);
  await writeFile(path.join(bad, "planted.ts"), `${PLANTED}\n`);
});
afterAll(cleanupScratch);

describe("TypeScript 7 checker", () => {
  it("passes a file that compiles", async () => {
    expect(await typecheckDirs7([clean], "tsconfig.strictest.json")).toEqual([]);
  });

  it("reports every planted error under strictest, in tsc's form, relative to the checkout", async () => {
    const found = await typecheckDirs7([bad], "tsconfig.strictest.json");
    const file = path.relative(ROOT, path.join(bad, "planted.ts"));
    expect(found.map((d) => d.split("\n")[0]?.replace(/: error (TS\d+):.*/, " $1"))).toEqual([
      `${file}(1,7) TS6133`,
      `${file}(2,14) TS2375`,
      `${file}(3,14) TS2322`,
      `${file}(4,51) TS4111`,
      `${file}(5,25) TS2307`,
    ]);
    expect(found[1]).toContain("\n  Types of property 'p' are incompatible.");
  });

  it("checks under the profile it is given", async () => {
    // The strict profile does not promise noUnusedLocals, exactOptionalPropertyTypes or the index-signature rule.
    expect((await typecheckDirs7([bad], "tsconfig.json")).map((d) => /TS\d+/.exec(d)?.[0])).toEqual([
      "TS2322",
      "TS2307",
    ]);
  });

  it("fails loudly instead of passing when there is nothing to check", async () => {
    await expect(typecheckFiles7([])).rejects.toThrow("no files to type-check");
    expect(await typecheckFiles7([path.join(bad, "absent.ts")])).toEqual([
      expect.stringMatching(/error TS6053: File '.*absent\.ts' not found/),
    ]);
  });

  it("splits tsc's plain output into diagnostics with their chained lines", () => {
    const output = "a.ts(1,2): error TS1: one\n  detail\n    more\nb.ts(3,4): error TS2: two\n\nFound 2 errors.\n";
    expect(splitDiagnostics(output)).toEqual([
      "a.ts(1,2): error TS1: one\n  detail\n    more",
      "b.ts(3,4): error TS2: two",
    ]);
  });
});
