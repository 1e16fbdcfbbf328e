/** `npm run diff` removes the temporary checkout of the base spec it makes (issue 10), whatever the outcome. */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
let tmp: string;
afterAll(async () => tmp && rm(tmp, { recursive: true, force: true }));

it("leaves no contactgen-base-* folder behind", async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "contactgen-difftmp-"));
  const env = { ...process.env, TMPDIR: tmp };
  // As `npm run diff` runs it.
  const cli = ["bin/contactgen.mjs", "diff", "pylon", "--spec-only", "--json"];
  const { stdout } = await run(process.execPath, cli, { cwd: ROOT, env, maxBuffer: 16 << 20 });
  expect(JSON.parse(stdout)).toHaveProperty("api", "pylon");
  // A failing run (unknown base) too.
  await expect(run(process.execPath, [...cli, "--base", "no-such-ref"], { cwd: ROOT, env })).rejects.toThrow();
  expect((await readdir(tmp)).filter((f) => f.startsWith("contactgen-base-"))).toEqual([]);
}, 120_000);
