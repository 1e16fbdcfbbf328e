/**
 * Generate into a scratch folder inside the project (so generated runtimes resolve openapi-fetch from
 * node_modules) and type-check the result with the project's strict tsconfig in a child tsc.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { generateApi, type GenerateOptions } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCRATCH = path.join(ROOT, ".tmp", "test-out");

const created: string[] = [];

/** A fresh folder under .tmp/test-out (removed by cleanupScratch, with its tsconfig). */
export function scratchDir(label: string): string {
  const dir = path.join(SCRATCH, `${label}-${process.pid}-${randomBytes(3).toString("hex")}`);
  created.push(dir, `${dir}.tsconfig.json`);
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
 * tsc --noEmit over one generated folder (one program per output) under the project's strict options, or under
 * tsconfig.strictest.json (exactOptionalPropertyTypes, noPropertyAccessFromIndexSignature, noUnused*,
 * verbatimModuleSyntax, …) with `strictest`; resolves to its diagnostics.
 */
export async function typecheck(
  dir: string,
  profile: { strictest?: boolean } = {},
): Promise<{ ok: boolean; output: string }> {
  // Beside a scratch folder; for a folder elsewhere (generated/<api>) in the scratch area, never in the output.
  const tsconfig = dir.startsWith(SCRATCH)
    ? path.join(dir, "..", `${path.basename(dir)}.tsconfig.json`)
    : `${scratchDir(path.basename(dir))}.tsconfig.json`;
  const base = profile.strictest ? "tsconfig.strictest.json" : "tsconfig.json";
  const extendsPath = path.relative(path.dirname(tsconfig), path.join(ROOT, base));
  await mkdir(path.dirname(tsconfig), { recursive: true });
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: extendsPath,
      compilerOptions: { noEmit: true },
      include: [`${path.relative(path.dirname(tsconfig), dir).split(path.sep).join("/")}/**/*.ts`],
      exclude: [],
    }),
  );
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    await run(process.execPath, ["--max-old-space-size=3072", tsc, "-p", tsconfig], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { ok: true, output: "" };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout ?? ""}${stderr ?? ""}` };
  }
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

/** Runs the CLI as `npm run generate` would (tsx), returning exit code and output. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "generator/cli.ts", ...args], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** The error lines of a type-check's output (empty when it compiled). */
export function strictestProblems(output: string): string[] {
  return output.split("\n").filter((line) => /error TS\d+/.test(line));
}
