/**
 * `contactgen lint` (npm run lint:specs): exit codes and output, in-process (test/support/cli.ts). As a process it
 * runs in every `npm test` (npm run checks) and in test/cli (the bin).
 */
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

const lint = (args: string[]) => runCli(["lint", ...args], ROOT);

describe("npm run lint:specs (contactgen lint)", () => {
  it("exits 0 and prints no problem for the five configured specs", async () => {
    const run = await lint([]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("0 errors, 0 warnings in 5 files");
    expect(run.code).toBe(0);
  });

  it("exits 1 and prints file:line:column  rule  message for a failing file", async () => {
    const run = await lint(["test/fixtures/lint/operation-success-response.yaml"]);
    expect(run.stdout).toMatch(
      /^test\/fixtures\/lint\/operation-success-response\.yaml:\d+:\d+ {2}contactgen\/operation-success-response {2}Operation documents no success/m,
    );
    expect(run.code).toBe(1);
  });

  it("exits 2 with the file's name when a spec cannot be read", async () => {
    const run = await lint(["specs/missing.yaml"]);
    expect(run.stderr).toContain("specs/missing.yaml: cannot read the spec file");
    expect(run.code).toBe(2);
  });
});
