import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmittedFile } from "../emit/emitter.js";

/** All files of one output folder (`generated/pylon`). The writer owns the whole folder. */
export interface OutputSet {
  dir: string;
  files: EmittedFile[];
}

/** Rejects what would escape the folder, collide, or differ between machines, before anything is written. */
export function validateOutputSet(set: OutputSet): void {
  const seen = new Set<string>();
  for (const file of set.files) {
    const normal = path.posix.normalize(file.path);
    if (file.path !== normal || normal.startsWith("../") || path.posix.isAbsolute(normal) || normal.includes("\\")) {
      throw new Error(`emitter produced an unsafe output path "${file.path}" for ${set.dir}`);
    }
    if (seen.has(normal)) throw new Error(`two emitters produced the same output file ${set.dir}/${normal}`);
    seen.add(normal);
    if (file.contents.includes("\r"))
      throw new Error(`${set.dir}/${normal} contains CR characters; output must use LF`);
  }
}

function normalise(contents: string): string {
  return contents.endsWith("\n") ? contents : `${contents}\n`;
}

/**
 * Writes every set atomically: each folder is staged completely beside its target, and only when every stage
 * succeeded are the folders swapped in. A failure before the swap leaves every target exactly as it was.
 */
export async function writeOutputs(sets: OutputSet[]): Promise<void> {
  sets.forEach(validateOutputSet);
  const token = randomBytes(4).toString("hex");
  const staged: Array<{ target: string; stage: string }> = [];
  try {
    for (const set of sets) {
      const target = path.resolve(set.dir);
      const stage = `${target}.staging-${token}`;
      staged.push({ target, stage });
      for (const file of [...set.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const destination = path.join(stage, file.path);
        await mkdir(path.dirname(destination), { recursive: true });
        await writeFile(destination, normalise(file.contents), "utf8");
      }
      await mkdir(stage, { recursive: true });
    }
  } catch (error) {
    await Promise.all(staged.map(({ stage }) => rm(stage, { recursive: true, force: true })));
    throw error;
  }
  for (const { target, stage } of staged) {
    const retired = `${target}.retired-${token}`;
    await mkdir(path.dirname(target), { recursive: true });
    const hadTarget = await rename(target, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    try {
      await rename(stage, target);
    } catch (error) {
      if (hadTarget) await rename(retired, target);
      throw error;
    }
    if (hadTarget) await rm(retired, { recursive: true, force: true });
  }
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    entries.map((e) => {
      const relative = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, relative) : Promise.resolve([relative]);
    }),
  );
  return nested.flat();
}

export interface StaleFile {
  file: string;
  reason: "changed" | "missing" | "extra";
}

/** Compares what would be written with what is on disk, without writing. Empty when everything is current. */
export async function findStaleFiles(sets: OutputSet[]): Promise<StaleFile[]> {
  sets.forEach(validateOutputSet);
  const stale: StaleFile[] = [];
  for (const set of sets) {
    const shown = (file: string) => path.posix.join(set.dir.split(path.sep).join("/"), file);
    const expected = new Map(set.files.map((f) => [f.path, normalise(f.contents)]));
    for (const [file, contents] of expected) {
      const actual = await readFile(path.join(set.dir, file), "utf8").catch(() => undefined);
      if (actual === undefined) stale.push({ file: shown(file), reason: "missing" });
      else if (actual !== contents) stale.push({ file: shown(file), reason: "changed" });
    }
    for (const file of await listFiles(set.dir)) {
      if (!expected.has(file)) stale.push({ file: shown(file), reason: "extra" });
    }
  }
  return stale.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
