/**
 * Type-checks generated code with TypeScript 7 (the native compiler, installed as the npm alias `typescript-7`): a
 * child process of its Go binary per program, `tsc -p` over a temporary tsconfig that extends the project's
 * tsconfig.json (strict) or tsconfig.strictest.json and lists the files. It checks what a user's `tsc -p` of one SDK
 * checks, at about a fifth of TypeScript 5.9's CPU (ADR 0174). The result is the same as typecheck.ts's: the
 * diagnostics as tsc prints them (`file(line,col): error TSnnnn: …`, the path relative to the checkout), one string
 * per diagnostic with its chained lines, empty when the program compiles.
 *
 * `CONTACTGEN_TEST_TYPESCRIPT=5.9` runs the same programs on TypeScript 5.9 instead (typecheck.ts, in-process), to
 * see that line's verdict on everything this checker is given (the corpus, the fixtures), e.g. before a TypeScript
 * upgrade.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { runTsc7, splitDiagnostics } from "../../generator/typescript7.js";
import { type Profile, ROOT, tsFilesUnder } from "./ts-files.js";

const CONFIGS = path.join(ROOT, ".tmp", "typecheck7");
const ON_59 = process.env.CONTACTGEN_TEST_TYPESCRIPT === "5.9";

/**
 * One checker thread: the suite's two workers already keep both cores busy, and TypeScript 7's default of several
 * checkers spends more CPU on the same program (measured in ADR 0174).
 */
const FLAGS = ["--pretty", "false", "--singleThreaded"];

/** `tsc -p` over a tsconfig (any project's); its diagnostics. A run that fails without any is an error. */
export async function typecheckProject7(tsconfig: string): Promise<string[]> {
  const { code, stdout, stderr } = await runTsc7(["-p", tsconfig, ...FLAGS], ROOT);
  const diagnostics = splitDiagnostics(stdout);
  if (code !== 0 && diagnostics.length === 0) {
    throw new Error(`TypeScript 7 exited with ${code} and reported nothing (-p ${tsconfig}):\n${stderr}`);
  }
  return diagnostics;
}

/** One program over `rootNames` under a profile of the project (what typecheck.ts's typecheckFiles does on 5.9). */
export async function typecheckFiles7(rootNames: string[], profile: Profile = "tsconfig.json"): Promise<string[]> {
  if (rootNames.length === 0) throw new Error("no files to type-check");
  if (ON_59) return (await import("./typecheck.js")).typecheckFiles(rootNames, profile);
  await mkdir(CONFIGS, { recursive: true });
  const config = path.join(CONFIGS, `${process.pid}-${randomBytes(4).toString("hex")}.json`);
  // `include: []` so that the profile's own `include` (generated/) is not inherited; `files` are not filtered by
  // the inherited `exclude` (which names .tmp, where the tests generate).
  const body = { extends: path.join(ROOT, profile), files: rootNames.map((f) => path.resolve(f)), include: [] };
  await writeFile(config, `${JSON.stringify(body, null, 2)}\n`);
  try {
    return await typecheckProject7(config);
  } finally {
    await rm(config, { force: true });
  }
}

/** typecheckFiles7 over every .ts file under the given folders (one program). */
export function typecheckDirs7(dirs: string[], profile: Profile = "tsconfig.json"): Promise<string[]> {
  return typecheckFiles7(dirs.flatMap(tsFilesUnder), profile);
}
