import { createHash, type Hash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export type StatEntries = Record<string, { signature: string; hash: string }>;

/** Feeds each file's path and contents into `hash` (a missing file as a marker), in the order given. */
export async function hashFiles(hash: Hash, dir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(path.join(dir, file)).catch(() => Buffer.from("\0missing")));
  }
}

/**
 * Reuses a group's content hash while the files' sizes and mtimes match the last run; otherwise reads them.
 * Touching a file without changing it costs one re-read, never a regeneration.
 */
export class StatMemo {
  constructor(readonly entries: StatEntries = {}) {}

  async hash(key: string, dir: string, files: string[], prefix = ""): Promise<string> {
    const stats = await Promise.all(files.map((f) => stat(path.join(dir, f)).catch(() => undefined)));
    const signature = createHash("sha256")
      .update(prefix)
      .update(files.map((f, i) => `${f}:${stats[i]?.size ?? -1}:${stats[i]?.mtimeMs ?? -1}`).join("\n"))
      .digest("hex");
    const known = this.entries[key];
    if (known?.signature === signature) return known.hash;
    const hash = createHash("sha256").update(prefix);
    await hashFiles(hash, dir, files);
    const digest = hash.digest("hex");
    this.entries[key] = { signature, hash: digest };
    return digest;
  }
}
