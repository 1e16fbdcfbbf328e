/**
 * Stock Redocly in this repository: `redocly lint`, `bundle` and `build-docs` load redocly.yaml's plugin (the
 * JavaScript build in generator/lint/dist/) under plain Node, with no TypeScript loader; the build matches the
 * TypeScript sources.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staleLintPluginFiles } from "../../generator/lint/build-plugin.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REDOCLY = path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js");
let dir: string;

/** `npx redocly …` as a user types it: plain node, no --import, NODE_OPTIONS cleared. */
async function redocly(...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, NODE_OPTIONS: "", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [REDOCLY, ...args], { cwd: ROOT, env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-redocly-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("stock Redocly with redocly.yaml", () => {
  it("generator/lint/dist/ is the current build of the TypeScript plugin (npm run build:lint-plugin)", async () => {
    expect(await staleLintPluginFiles()).toEqual([]);
  });

  it("redocly lint passes the five specs and runs the contactgen rules", async () => {
    const [clean, failing] = await Promise.all([
      redocly("lint"),
      redocly("lint", "test/fixtures/lint/operation-id.yaml"),
    ]);
    expect(clean.out).not.toMatch(/Failed to load plugin/);
    expect(clean.code).toBe(0);
    expect(failing.out).toContain("contactgen/operation-id");
    expect(failing.code).toBe(1);
  });

  it("redocly bundle and build-docs work on a configured API", async () => {
    const [bundle, docs] = await Promise.all([
      redocly("bundle", "kare", "-o", path.join(dir, "kare.yaml")),
      redocly("build-docs", "kare", "-o", path.join(dir, "kare.html")),
    ]);
    expect([bundle.code, docs.code]).toEqual([0, 0]);
    expect(await readFile(path.join(dir, "kare.yaml"), "utf8")).toMatch(/^openapi: 3\.1/);
    expect(await readFile(path.join(dir, "kare.html"), "utf8")).toContain("<html");
  });
});
