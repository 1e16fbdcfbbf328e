/**
 * The pack cache: a built package is stored under a content hash of everything that shapes it (./cache-key.ts), so
 * packing unchanged input again copies the stored files instead of compiling (ADR 0152). The compile is
 * deterministic, so a hit is the very output a compile would give. Only successful builds are stored; a broken
 * compile is never cached.
 */
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import type { EmittedFile } from "../emit/emitter.js";

export { compilerVersion, generatedSources, packFingerprint, packKey } from "./cache-key.js";

/** `CONTACTGEN_PACK_CACHE` overrides it (CI caches, the test suite's per-run folder). */
export const DEFAULT_PACK_CACHE = path.join("node_modules", ".cache", "contactgen", "pack");
/** Entries kept, newest first (a hit counts as use): a few generations of every API of a usual config. */
const KEEP = 40;
/** A lock older than this is left over from a process on another machine sharing the folder, or a hung one. */
const LOCK_STALE_MS = 10 * 60_000;

export function packCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env["CONTACTGEN_PACK_CACHE"] || DEFAULT_PACK_CACHE;
}

function isFileList(value: unknown): value is EmittedFile[] {
  return (
    Array.isArray(value) &&
    value.every(
      (f: unknown) =>
        typeof f === "object" &&
        f !== null &&
        typeof (f as EmittedFile).path === "string" &&
        typeof (f as EmittedFile).contents === "string",
    )
  );
}

/** Whether a process with this pid is running (EPERM: it is, under another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface Built {
  files: EmittedFile[];
  cached: boolean;
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export class PackCache {
  constructor(readonly dir: string = packCacheDir()) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  private lockFile(key: string): string {
    return path.join(this.dir, `${key}.lock`);
  }

  /**
   * The stored package, or `build()`'s, which is then stored. Two packs of the same input at once (parallel CI
   * jobs on one cache, two test files) compile it once: the second waits for the first one's entry. When the first
   * fails, nothing is stored and the second builds (and fails) itself.
   */
  async getOrBuild(key: string, build: () => Promise<EmittedFile[]>): Promise<Built> {
    const [result] = await this.getOrBuildAll([key], async () => [
      await build().catch((error: unknown) => toError(error)),
    ]);
    return result!;
  }

  /**
   * `getOrBuild` for several keys with one build call for all of them that are neither stored nor being built by
   * another process: `build(indices)` gets their positions in `keys` and returns, in that order, each one's files
   * or the Error that refuses it (`contactgen pack` compiles them in one compiler process). Only files are stored.
   * Keys another process is building are waited for afterwards. Rejects with the first Error, in key order.
   */
  async getOrBuildAll(
    keys: readonly string[],
    build: (indices: number[]) => Promise<Array<EmittedFile[] | Error>>,
  ): Promise<Built[]> {
    const results: Array<Built | undefined> = [];
    const mine: number[] = [];
    const held: number[] = [];
    let failure: Error | undefined;
    try {
      for (const [i, key] of keys.entries()) {
        const claim = await this.claim(key);
        if (claim === "locked") mine.push(i);
        else if (claim === "held") held.push(i);
        else results[i] = { files: claim, cached: true };
      }
      const built = mine.length > 0 ? await build(mine) : [];
      for (const [j, i] of mine.entries()) {
        const files = built[j] ?? new Error(`pack cache: the build returned nothing for entry ${i}`);
        if (files instanceof Error) failure ??= files;
        else {
          await this.write(keys[i]!, files);
          results[i] = { files, cached: false };
        }
      }
    } finally {
      await Promise.all(mine.map((i) => rm(this.lockFile(keys[i]!), { force: true })));
    }
    if (failure) throw failure;
    for (const i of held) {
      await this.waitForLock(keys[i]!);
      [results[i]] = await this.getOrBuildAll([keys[i]!], () => build([i]));
    }
    return results as Built[];
  }

  /** The stored files, or the key's lock taken ("locked"), or "held" while another process holds it. */
  private async claim(key: string): Promise<EmittedFile[] | "locked" | "held"> {
    const stored = await this.read(key);
    if (stored) return stored;
    if (!(await this.lock(key))) return "held";
    const meanwhile = await this.read(key);
    if (!meanwhile) return "locked";
    await rm(this.lockFile(key), { force: true });
    return meanwhile;
  }

  /** Takes the key's lock (an exclusively created file holding this pid); false while another process holds it. */
  private async lock(key: string): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    try {
      await writeFile(this.lockFile(key), String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      return false;
    }
  }

  /** Resolves when the lock is gone, or removes it when its holder has ended or it is stale. */
  private async waitForLock(key: string): Promise<void> {
    for (;;) {
      const [holder, info] = await Promise.all([
        readFile(this.lockFile(key), "utf8").catch(() => undefined),
        stat(this.lockFile(key)).catch(() => undefined),
      ]);
      if (holder === undefined || info === undefined) return;
      const pid = Number(holder);
      if ((Number.isInteger(pid) && pid > 0 && !isRunning(pid)) || Date.now() - info.mtimeMs > LOCK_STALE_MS) {
        await rm(this.lockFile(key), { force: true });
        return;
      }
      await sleep(100);
    }
  }

  /** The stored files, or undefined on a miss (an unreadable or malformed entry is a miss). */
  async read(key: string): Promise<EmittedFile[] | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.file(key), "utf8")) as { key?: unknown; files?: unknown };
      if (parsed.key !== key || !isFileList(parsed.files)) return undefined;
      const now = new Date();
      await utimes(this.file(key), now, now).catch(() => {});
      return parsed.files;
    } catch {
      return undefined;
    }
  }

  /** Stores atomically (write then rename), so a concurrent pack never reads half an entry. */
  async write(key: string, files: readonly EmittedFile[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${this.file(key)}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ key, files }));
    await rename(temporary, this.file(key));
    await this.prune();
  }

  private async prune(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(".json"));
    if (names.length <= KEEP) return;
    const dated = await Promise.all(
      names.map(async (n) => ({ n, t: (await stat(path.join(this.dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    dated.sort((a, b) => b.t - a.t);
    await Promise.all(dated.slice(KEEP).map(({ n }) => rm(path.join(this.dir, n), { force: true })));
  }
}
