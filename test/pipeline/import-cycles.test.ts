/**
 * The import-cycle check of `npm run lint` (tools/import-cycles.mjs): it fails on a planted cycle (one edge
 * type-only), names the files in order, leaves a module the cycle merely uses out, and passes on the repository.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImportCycles, findCycles } from "../../tools/import-cycles.mjs";

const FIXTURE = "test/fixtures/import-cycle";
const rel = (files: string[]) => files.map((f) => path.relative(FIXTURE, f));

describe("import-cycle check", () => {
  it("finds the planted cycle a → b → c → a through a type-only import", () => {
    const { files, cycles } = checkImportCycles([FIXTURE]);
    expect(files).toBe(4);
    expect(cycles.map(rel)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("reports nothing once the cycle's files are known, and nothing for acyclic graphs", () => {
    const known = [["a.ts", "b.ts", "c.ts"].map((f) => path.join(FIXTURE, f))];
    expect(checkImportCycles([FIXTURE], [], known).cycles).toEqual([]);
    const acyclic = new Map([
      ["x", ["y", "z"]],
      ["y", ["z"]],
      ["z", []],
    ]);
    expect(findCycles(acyclic)).toEqual([]);
    expect(findCycles(new Map([["self", ["self"]]])).map((c) => c.path)).toEqual([["self", "self"]]);
  });

  it("passes on the repository, as `npm run lint` runs it", () => {
    const { files, cycles } = checkImportCycles(["generator", "bench", "test", "bin", "tools"], [FIXTURE]);
    expect(files).toBeGreaterThan(300);
    expect(cycles).toEqual([]);
  });
});
