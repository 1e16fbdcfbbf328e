/**
 * Running a TypeScript entry point as its npm script does, for the few end-to-end process tests. One node process
 * with tsx's loader (`node_modules/.bin/tsx` would start a second node as its child), and an absolute loader URL
 * so it works from scratch projects outside the checkout.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

export const ROOT = path.resolve(import.meta.dirname, "../..");
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

/** Starts `script` as a long-running process (servers, --watch). */
export function spawnTs(script: string, args: string[], cwd = ROOT): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["--import", LOADER, path.resolve(ROOT, script), ...args], { cwd });
}
