/**
 * Compiles generated client folders to ESM JavaScript + .d.ts with TypeScript 7, the native compiler (npm alias
 * `typescript-7`; ADR 0153): one `tsc -b` process over one project per client, in a temporary folder. The output is
 * read back as files (the writer puts them on disk) and the folder is always removed. Type errors refuse a client:
 * a package must not ship broken types.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EmittedFile } from "../emit/emitter.js";
import { runTsc7, splitDiagnostics } from "../typescript7.js";

/** The options ADR 0151 compiles with, as a tsconfig. `composite` lets one `tsc -b` build every client's project. */
const COMPILER_OPTIONS = {
  module: "NodeNext",
  moduleResolution: "NodeNext",
  target: "ES2022",
  lib: ["es2023", "dom", "dom.iterable"],
  types: [],
  strict: true,
  skipLibCheck: true,
  declaration: true,
  noEmitOnError: true,
  newLine: "lf",
  composite: true,
};

/** Diagnostics shown when a client is refused (the first ones; the rest are usually follow-ups). */
const SHOWN = 10;

export interface Client {
  /** The generated client's folder. */
  dir: string;
  /** Its .ts files, posix paths relative to `dir`. */
  files: readonly string[];
}

/** Whether a diagnostic names a file inside `dir` (tsc prints paths relative to its working directory). */
function isAbout(diagnostic: string, dir: string): boolean {
  const file = /^(.+?)\(\d+,\d+\): /.exec(diagnostic)?.[1];
  return file !== undefined && !path.relative(dir, path.resolve(file)).startsWith("..");
}

/** Every file under `dir` as `dist/<relative path>`, sorted. */
async function readOutput(dir: string): Promise<EmittedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile() && /\.(js|d\.ts)$/.test(e.name))
      .map(async (e) => {
        const full = path.join(e.parentPath, e.name);
        return {
          path: `dist/${path.relative(dir, full).split(path.sep).join("/")}`,
          contents: await readFile(full, "utf8"),
        };
      }),
  );
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Each client's `dist/**` files (.js and .d.ts, paths relative to the package root), or the Error that refuses it,
 * in the order given. One process compiles them all: the projects share nothing, so each is checked and emitted
 * as if alone (the output does not depend on which clients are compiled together).
 */
export async function compileClients(clients: readonly Client[]): Promise<Array<EmittedFile[] | Error>> {
  if (clients.length === 0) return [];
  const work = await mkdtemp(path.join(os.tmpdir(), "contactgen-tsc-"));
  try {
    const projects = clients.map((client, i) => {
      const root = path.resolve(client.dir);
      return { root, folder: path.join(work, String(i)), out: path.join(work, String(i), "dist") };
    });
    await Promise.all(
      projects.map(async ({ root, folder, out }, i) => {
        await mkdir(folder);
        const files = clients[i]!.files.map((f) => path.join(root, f));
        // tsc would place the build info by the path from rootDir to this tsconfig, taken from outDir: outside
        // this folder when the generated folder is at another depth than the temporary one.
        const tsBuildInfoFile = path.join(folder, "tsconfig.tsbuildinfo");
        const compilerOptions = { ...COMPILER_OPTIONS, rootDir: root, outDir: out, tsBuildInfoFile };
        await writeFile(path.join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
      }),
    );
    const references = projects.map(({ folder }) => ({ path: folder }));
    await writeFile(path.join(work, "tsconfig.json"), JSON.stringify({ files: [], references }));
    // One thread: cheaper in CPU and no slower in wall time on a busy 2-core machine; five SDKs take ~1.5 s (ADR 0153).
    const { stdout, stderr } = await runTsc7(["-b", work, "--pretty", "false", "--singleThreaded"]);
    const output = `${stdout}${stderr}`;
    const found = splitDiagnostics(output);
    return await Promise.all(
      projects.map(async ({ root, out }, i) => {
        const own = found.filter((d) => isAbout(d, root));
        const emitted = await readOutput(out);
        // noEmitOnError: a client with errors emits nothing. Errors no client's file carries (a compiler failure)
        // refuse every client that emitted nothing.
        if (own.length === 0 && emitted.length > 0) return emitted;
        const shown = own.length > 0 ? own : found.filter((d) => !projects.some((p) => isAbout(d, p.root)));
        return new Error(
          `${clients[i]!.dir}: the generated client does not compile, so it cannot be packaged:\n${shown.slice(0, SHOWN).join("\n") || output.trim() || "(no output from tsc)"}\n`,
        );
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
