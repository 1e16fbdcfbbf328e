/**
 * TypeScript 7, the native compiler (npm alias `typescript-7`, ADR 0153/0174), run as a child process of its Go
 * binary: by `contactgen pack` to build the SDKs, and by the tests to type-check generated code. Both packages
 * (5.9 and 7) declare a `tsc` bin, so nothing here goes through one.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The package the compiler comes from (its version is part of the pack cache key). */
export const COMPILER_PACKAGE = "typescript-7";

let binary: Promise<string> | undefined;

/**
 * The native binary itself, as the package's own `bin/tsc` finds it: spawning it directly saves a node start.
 * Resolved from the package folder because the package's `exports` do not list lib/getExePath.js.
 */
function compilerBinary(): Promise<string> {
  binary ??= (async () => {
    try {
      const manifest = createRequire(import.meta.url).resolve(`${COMPILER_PACKAGE}/package.json`);
      const url = pathToFileURL(path.join(path.dirname(manifest), "lib", "getExePath.js")).href;
      const { default: getExePath } = (await import(url)) as { default: () => string };
      return getExePath();
    } catch (error) {
      throw new Error(
        `contactgen compiles with TypeScript 7 (the npm package ${COMPILER_PACKAGE}), which is not usable here: ${error instanceof Error ? error.message : String(error)}. Run \`npm install\` in contactgen's folder.`,
      );
    }
  })();
  return binary;
}

/** Runs tsc 7 with `args`; its exit code and output. Rejects only when it did not run (not found, killed). */
export async function runTsc7(
  args: readonly string[],
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const exe = await compilerBinary();
  return new Promise((resolve, reject) => {
    execFile(exe, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : undefined;
      if (code === undefined) reject(new Error(`${exe} ${args.join(" ")}: ${error?.message}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** tsc's `--pretty false` output split into diagnostics: a line that does not start with a space begins one. */
export function splitDiagnostics(output: string): string[] {
  const diagnostics: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === "" || /^Found \d+ errors?\b/.test(line)) continue;
    const last = diagnostics.length - 1;
    if (/^\s/.test(line) && last >= 0) diagnostics[last] += `\n${line.trimEnd()}`;
    else diagnostics.push(line.trimEnd());
  }
  return diagnostics;
}
