/**
 * Writes the site folder as a whole: files are staged next to it and swapped in, so a failed build leaves the
 * previous site untouched and no stale page survives a rebuild.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "./site.js";

export async function writeSite(dir: string, files: SiteFile[]): Promise<void> {
  const target = path.resolve(dir);
  const staging = `${target}.staging-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const out = path.resolve(staging, file.path);
      if (!out.startsWith(staging + path.sep))
        throw new Error(`docs: refusing to write outside the site: ${file.path}`);
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, file.contents);
    }
    await rm(old, { recursive: true, force: true });
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
