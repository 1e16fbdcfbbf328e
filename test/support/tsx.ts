/**
 * Processes for the few end-to-end process tests. `runBin`/`spawnBin`: `node bin/contactgen.mjs …`, what the npm
 * scripts and a user's `npx contactgen …` run (`generate`, `docs`, `diff`, `pack` and `mock` on the precompiled CLI, ADR 0113).
 * `runTs`: a TypeScript entry point in one node process with tsx's loader (`node_modules/.bin/tsx` would
 * start a second node as its child), with an absolute loader URL so it works from scratch projects outside the
 * checkout.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/contactgen.mjs");
const LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const run = promisify(execFile);

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (relative to the checkout) to its end; never throws for a non-zero exit. */
export async function runTs(script: string, args: string[], cwd = ROOT): Promise<Finished> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", LOADER, path.resolve(ROOT, script), ...args], {
      cwd,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** `contactgen <args>` in a process of its own, to its end; never throws for a non-zero exit. */
export async function runBin(args: string[], cwd = ROOT): Promise<Finished> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Starts `contactgen <args>` as a long-running process (servers, --watch). */
export function spawnBin(args: string[], cwd = ROOT): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd });
}
