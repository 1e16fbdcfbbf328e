/**
 * Generate into a scratch folder inside the project (so generated runtimes resolve openapi-fetch from
 * node_modules) and type-check the result with the project's strict tsconfig (one program per output, on
 * TypeScript 7 unless a test asks for 5.9).
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { generateApi, type GenerateOptions } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { runCli } from "../support/cli.js";
import { typecheckDirs7 } from "../support/typecheck7.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCRATCH = path.join(ROOT, ".tmp", "test-out");

const created: string[] = [];

/** A fresh folder under .tmp/test-out (removed by cleanupScratch). */
export function scratchDir(label: string): string {
  const dir = path.join(SCRATCH, `${label}-${process.pid}-${randomBytes(3).toString("hex")}`);
  created.push(dir);
  return dir;
}

export async function cleanupScratch(): Promise<void> {
  await Promise.all(created.splice(0).map((p) => rm(p, { recursive: true, force: true })));
}

export async function generateInto(spec: string, name: string, options: GenerateOptions = {}): Promise<string> {
  const dir = scratchDir(name);
  const { files } = await generateApi(spec, name, options);
  await writeOutputs([{ dir, files }]);
  return dir;
}

/**
 * Type-checks one generated folder as its own program under the project's strict tsconfig.json, or under
 * tsconfig.strictest.json (exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature, noUnused*,
 * verbatimModuleSyntax, …) with `strictest`; resolves to its diagnostics in tsc's format. TypeScript 7 by default (a
 * child process of its Go binary, support/typecheck7.ts); `typescript: "5.9"` checks in-process with the
 * TypeScript 5.9 API (support/typecheck.ts), for the checks ADR 0174 keeps on both lines.
 */
export async function typecheck(
  dir: string,
  profile: { strictest?: boolean; typescript?: "5.9" | "7" } = {},
): Promise<{ ok: boolean; output: string }> {
  const config = profile.strictest ? "tsconfig.strictest.json" : "tsconfig.json";
  const problems =
    profile.typescript === "5.9"
      ? // Loaded only here: a worker that never checks on 5.9 does not load the 5.9 compiler (about 1 CPU-s).
        (await import("../support/typecheck.js")).typecheckDirs([dir], config)
      : await typecheckDirs7([dir], config);
  return { ok: problems.length === 0, output: problems.map((p) => `${p}\n`).join("") };
}

/** Every file under `dir` with its contents, for before/after comparisons. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join("/")] = await readFile(full, "utf8");
  }
  return out;
}

/** `contactgen generate <args>` from the checkout, in-process (test/support/cli.ts): exit code and output. */
export const cli = (args: string[]) => runCli(["generate", ...args], ROOT);

/** The error lines of a type-check's output (empty when it compiled). */
export function strictestProblems(output: string): string[] {
  return output.split("\n").filter((line) => /error TS\d+/.test(line));
}
