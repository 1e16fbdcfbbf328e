/**
 * What the generate path loads and how its types engine is chosen: the default (native) run never loads the
 * `typescript` package, openapi-typescript stays selectable (--types / config), bad choices are usage errors,
 * and generator/launch.mjs (the `npm run generate` entry) still runs the CLI.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupScratch, cli, ROOT, scratchDir } from "./helpers.js";

const run = promisify(execFile);
const SPEC = "specs/pylon/openapi.yaml";
const REPORTER = "./test/fixtures/cli/loaded-packages.mjs";

afterAll(cleanupScratch);

/**
 * `contactgen generate` of pylon as a user runs it (`node bin/contactgen.mjs`, the precompiled CLI), in a process of
 * its own; the CommonJS packages it loaded, as test/fixtures/cli/loaded-packages.mjs prints them when it exits.
 */
async function loadedPackages(engine: string): Promise<string[]> {
  const out = path.relative(ROOT, scratchDir(`loaded-${engine}`));
  const args = ["generate", "--spec", SPEC, "--name", "pylon", "--out", out, "--no-lint", "--types", engine];
  const { stdout } = await run(process.execPath, ["--import", REPORTER, "bin/contactgen.mjs", ...args], { cwd: ROOT });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "[]") as string[];
}

describe("generate path", () => {
  it.each([
    ["native", false],
    ["openapi-typescript", true],
  ])("types engine %s loads typescript: %s", async (engine, loadsTypescript) => {
    expect((await loadedPackages(engine)).includes("typescript")).toBe(loadsTypescript);
  });

  it("--types openapi-typescript and the default write the same types.ts for pylon", async () => {
    const [native, reference] = [scratchDir("types-native"), scratchDir("types-ots")];
    const base = ["--spec", SPEC, "--name", "pylon", "--no-lint"];
    expect((await cli([...base, "--out", path.relative(ROOT, native)])).code).toBe(0);
    expect((await cli([...base, "--out", path.relative(ROOT, reference), "--types", "openapi-typescript"])).code).toBe(
      0,
    );
    const [a, b] = await Promise.all([native, reference].map((d) => readFile(path.join(d, "types.ts"), "utf8")));
    expect(a).toContain("export interface paths");
    expect(a).toBe(b);
  });

  it("rejects an unknown engine with a usage error", async () => {
    const result = await cli(["--check", "--types", "tsc"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown types engine "tsc": use native or openapi-typescript/);
  });

  it("reads the engine from generator.config.json's types field", async () => {
    const dir = scratchDir("types-config");
    await mkdir(dir, { recursive: true });
    const config = path.join(dir, "config.json");
    await writeFile(config, JSON.stringify({ out: path.relative(ROOT, dir), apis: [], types: "openapi-ts" }));
    const result = await cli(["--check", "--config", path.relative(ROOT, config)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/config\.json: types: "openapi-ts" is not one of "native", "openapi-typescript"/);
  });

  it("runs the CLI through generator/launch.mjs (the npm run generate entry)", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "./generator/launch.mjs", "generator/cli.ts", "--check"],
      {
        cwd: ROOT,
      },
    );
    expect(stdout).toMatch(/generated output is current/);
  });
});
