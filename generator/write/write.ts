import { randomBytes } from "node:crypto";
import { lstat, mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EmittedFile } from "../emit/emitter.js";
import {
  checkOwnership,
  formatManifest,
  isSafeRelativePath,
  MANIFEST,
  readManifest,
  STAGING_PREFIX,
} from "./manifest.js";

export { MANIFEST, OwnershipError } from "./manifest.js";

/** The generated files of one output folder (`generated/pylon`). The writer owns only these, listed in MANIFEST. */
export interface OutputSet {
  dir: string;
  files: EmittedFile[];
  /** Write contents byte for byte (the docs site): no LF check, no final newline added. */
  verbatim?: boolean;
}

export interface WriteOptions {
  /** Write into a non-empty folder without a manifest, and replace files it does not list (others are kept). */
  force?: boolean;
}

/** Rejects what would escape the folder, collide, or differ between machines, before anything is written. */
export function validateOutputSet(set: OutputSet): void {
  const seen = new Set<string>();
  for (const file of set.files) {
    if (!isSafeRelativePath(file.path) || file.path.startsWith(STAGING_PREFIX) || file.path === MANIFEST) {
      throw new Error(`emitter produced an unsafe output path "${file.path}" for ${set.dir}`);
    }
    if (seen.has(file.path)) throw new Error(`two emitters produced the same output file ${set.dir}/${file.path}`);
    seen.add(file.path);
    if (!set.verbatim && file.contents.includes("\r"))
      throw new Error(`${set.dir}/${file.path} contains CR characters; output must use LF`);
  }
}

function normalise(contents: string): string {
  return contents.endsWith("\n") ? contents : `${contents}\n`;
}

/** The files as written: the emitted ones (sorted, LF-terminated) plus the manifest listing them. */
function withManifest(set: OutputSet): EmittedFile[] {
  const files = [...set.files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifest = { path: MANIFEST, contents: formatManifest(files.map((f) => f.path)) };
  const written = set.verbatim ? files : files.map((f) => ({ path: f.path, contents: normalise(f.contents) }));
  return [...written, manifest];
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** One folder's swap: every step is recorded so that a failure anywhere can put the folder back as it was. */
class FolderSwap {
  private readonly retired: string[] = [];
  private readonly placed: string[] = [];
  private readonly madeDirs: string[] = [];
  private createdRoot: string | undefined;

  constructor(
    readonly target: string,
    readonly stage: string,
    private readonly files: EmittedFile[],
    private readonly previous: string[],
  ) {}

  async prepare(): Promise<void> {
    this.createdRoot = await mkdir(this.target, { recursive: true });
    for (const file of this.files) {
      const destination = path.join(this.stage, "new", file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.contents, "utf8");
    }
  }

  /** Moves the previous generation (and any file a new one replaces) aside, then moves the new files in. */
  async swap(): Promise<void> {
    const touched = [...new Set([...this.previous, ...this.files.map((f) => f.path)])].sort();
    for (const file of touched) {
      if (!(await exists(path.join(this.target, file)))) continue;
      await mkdir(path.dirname(path.join(this.stage, "old", file)), { recursive: true });
      await rename(path.join(this.target, file), path.join(this.stage, "old", file));
      this.retired.push(file);
    }
    for (const file of this.files) {
      const made = await mkdir(path.dirname(path.join(this.target, file.path)), { recursive: true });
      if (made) this.madeDirs.push(made);
      await rename(path.join(this.stage, "new", file.path), path.join(this.target, file.path));
      this.placed.push(file.path);
    }
  }

  async rollback(): Promise<void> {
    for (const file of this.placed.splice(0).reverse()) {
      await rm(path.join(this.target, file), { force: true });
    }
    for (const file of this.retired.splice(0).reverse()) {
      await rename(path.join(this.stage, "old", file), path.join(this.target, file));
    }
    for (const dir of this.madeDirs.splice(0).reverse()) await rm(dir, { recursive: true, force: true });
    await rm(this.stage, { recursive: true, force: true });
    if (this.createdRoot) await rm(this.createdRoot, { recursive: true, force: true });
  }

  /** Drops the retired files and the folders they leave empty; folders holding anything else stay. */
  async finish(): Promise<void> {
    await rm(this.stage, { recursive: true, force: true });
    const dirs = new Set<string>();
    for (const file of this.retired) {
      for (let dir = path.posix.dirname(file); dir !== "."; dir = path.posix.dirname(dir)) dirs.add(dir);
    }
    for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
      await rmdir(path.join(this.target, dir)).catch(() => undefined);
    }
  }
}

/**
 * Writes every set as one transaction. Nothing is touched until every folder passed the ownership check and every
 * file was staged (inside its folder, so `--out .` works); then each folder's previous generation is moved aside and
 * the new files moved in. A failure at any point puts every folder back exactly as it was. Files the manifest does
 * not list are never removed.
 */
export async function writeOutputs(sets: OutputSet[], options: WriteOptions = {}): Promise<void> {
  sets.forEach(validateOutputSet);
  const dirs = sets.map((s) => path.resolve(s.dir));
  if (new Set(dirs).size !== dirs.length) throw new Error("two output sets share one folder");
  const token = randomBytes(4).toString("hex");
  const swaps: FolderSwap[] = [];
  for (const [index, set] of sets.entries()) {
    const files = withManifest(set);
    const target = dirs[index] as string;
    const { previous } = await checkOwnership(
      target,
      files.map((f) => f.path),
      options.force ?? false,
    );
    swaps.push(new FolderSwap(target, path.join(target, `${STAGING_PREFIX}${token}`), files, previous));
  }
  const started: FolderSwap[] = [];
  try {
    for (const swap of swaps) {
      started.push(swap);
      await swap.prepare();
    }
    for (const swap of swaps) await swap.swap();
  } catch (error) {
    for (const swap of started.reverse()) await swap.rollback();
    throw error;
  }
  for (const swap of swaps) await swap.finish();
}

export interface StaleFile {
  file: string;
  reason: "changed" | "missing" | "extra";
}

/**
 * Compares what would be written with what is on disk, without writing. Empty when everything is current. Extra
 * means listed in the folder's manifest but no longer generated; files no manifest lists are not ours to report.
 */
export async function findStaleFiles(sets: OutputSet[]): Promise<StaleFile[]> {
  sets.forEach(validateOutputSet);
  const stale: StaleFile[] = [];
  for (const set of sets) {
    const shown = (file: string) => path.posix.join(set.dir.split(path.sep).join("/"), file);
    const expected = new Map(withManifest(set).map((f) => [f.path, f.contents]));
    for (const [file, contents] of expected) {
      const actual = await readFile(path.join(set.dir, file), "utf8").catch(() => undefined);
      if (actual === undefined) stale.push({ file: shown(file), reason: "missing" });
      else if (actual !== contents) stale.push({ file: shown(file), reason: "changed" });
    }
    const listed = await readManifest(set.dir).catch(() => []);
    for (const file of listed ?? []) {
      if (!expected.has(file) && (await exists(path.join(set.dir, file))))
        stale.push({ file: shown(file), reason: "extra" });
    }
  }
  return stale.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
