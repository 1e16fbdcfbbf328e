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

export { generatedSources, packFingerprint, packKey } from "./cache-key.js";

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
  async getOrBuild(
    key: string,
    build: () => Promise<EmittedFile[]>,
  ): Promise<{ files: EmittedFile[]; cached: boolean }> {
    for (;;) {
      const stored = await this.read(key);
      if (stored) return { files: stored, cached: true };
      if (await this.lock(key)) {
        try {
          const meanwhile = await this.read(key);
          if (meanwhile) return { files: meanwhile, cached: true };
          const files = await build();
          await this.write(key, files);
          return { files, cached: false };
        } finally {
          await rm(this.lockFile(key), { force: true });
        }
      }
      await this.waitForLock(key);
    }
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
