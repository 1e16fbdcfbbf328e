/**
 * Writes the site through the generator's writer: staged, swapped in as one transaction (a failed build leaves the
 * previous site untouched), and owning only the files its manifest lists, so `--out` can never wipe a folder of
 * someone else's files (refused unless `force`) and no stale page of a previous build survives a rebuild.
 */
import { writeOutputs, type WriteOptions } from "../write/write.js";
import type { SiteFile } from "./site.js";

export async function writeSite(dir: string, files: SiteFile[], options: WriteOptions = {}): Promise<void> {
  await writeOutputs([{ dir, files, verbatim: true }], options);
}
