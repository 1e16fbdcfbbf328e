/**
 * Compiles docs examples exactly as rendered, as files beside each set's `baseDir/generated` (linked into a scratch
 * folder), where the snippets' import `./generated/<api>/index.js` resolves to real generated clients. All sets share
 * one TypeScript 7 program under the project's tsconfig (test/support/typecheck7.ts: the native compiler, about a
 * fifth of 5.9's CPU; ADR 0174).
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "../../generator/docs/site.js";
import { typecheckFiles7 } from "../support/typecheck7.js";
import { ROOT } from "./build-helpers.js";

export interface ExampleSet {
  baseDir: string;
  files: SiteFile[];
}

const PREFIX = "docs-example.";

/**
 * Diagnostics per set, in the order given (empty arrays when everything compiles), each as
 * `<example path with dots>:<line>:<col> <message>`. A diagnostic outside the examples (in a generated client, or
 * about the configuration) is an error: the examples could not be judged.
 */
export async function compileExampleSets(sets: ExampleSet[]): Promise<string[][]> {
  const scratch = path.join(
    ROOT,
    ".tmp",
    "test-out",
    `docs-examples-tsc-${process.pid}-${randomBytes(3).toString("hex")}`,
  );
  try {
    const dirs: string[] = [];
    const files: string[] = [];
    for (const [i, set] of sets.entries()) {
      const dir = path.join(scratch, `set-${i}`);
      dirs.push(dir);
      await mkdir(dir, { recursive: true });
      await symlink(path.join(set.baseDir, "generated"), path.join(dir, "generated"), "junction");
      for (const f of set.files) {
        const file = path.join(dir, `${PREFIX}${f.path.replace(/\//g, ".")}`);
        await writeFile(file, f.contents);
        files.push(file);
      }
    }
    const out = sets.map((): string[] => []);
    const elsewhere: string[] = [];
    for (const diagnostic of await typecheckFiles7(files, "tsconfig.json")) {
      const match = /^(.+?)\((\d+),(\d+)\): error TS\d+: ([\s\S]*)$/.exec(diagnostic);
      const file = match ? path.resolve(ROOT, match[1] ?? "") : "";
      const set = dirs.indexOf(path.dirname(file));
      if (!match || set < 0 || !path.basename(file).startsWith(PREFIX)) elsewhere.push(diagnostic);
      else out[set]?.push(`${path.basename(file).slice(PREFIX.length)}:${match[2]}:${match[3]} ${match[4]}`);
    }
    if (elsewhere.length > 0) throw new Error(`not in an example:\n${elsewhere.join("\n")}`);
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
