import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function runCli(args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "generator/lint/cli.ts", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run lint:specs (generator/lint/cli.ts)", () => {
  it("exits 0 and prints no problem for the five configured specs", () => {
    const run = runCli([]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("0 errors, 0 warnings in 5 files");
    expect(run.code).toBe(0);
  });

  it("exits 1 and prints file:line:column  rule  message for a failing file", () => {
    const run = runCli(["test/fixtures/lint/operation-success-response.yaml"]);
    expect(run.stdout).toMatch(
      /^test\/fixtures\/lint\/operation-success-response\.yaml:\d+:\d+ {2}contactgen\/operation-success-response {2}Operation documents no success/m,
    );
    expect(run.code).toBe(1);
  });

  it("exits 2 with the file's name when a spec cannot be read", () => {
    const run = runCli(["specs/missing.yaml"]);
    expect(run.stderr).toContain("specs/missing.yaml: cannot read the spec file");
    expect(run.code).toBe(2);
  });
});
