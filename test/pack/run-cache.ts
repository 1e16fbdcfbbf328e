/**
 * The pack cache of this test run, shared by test/pack and test/ci/workflows (its `npx contactgen pack` step gets
 * it through CONTACTGEN_PACK_CACHE): a package is compiled once per run and copied from the cache by whichever
 * file packs it second. One folder per vitest run, named by the pid of vitest's main process (the workers' parent,
 * as test/support/cpu-setup-dir.ts does), so the first pack of every run goes through the real compile and never
 * through the user's node_modules/.cache. Folders of runs that have ended are removed here.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { isRunning } from "../../generator/pack/cache.js";

const PARENT = path.resolve(import.meta.dirname, "../../.tmp/test-pack-cache");

export const RUN_PACK_CACHE = path.join(PARENT, String(process.ppid));

export async function removeEndedRunCaches(): Promise<void> {
  const runs = await readdir(PARENT).catch(() => []);
  await Promise.all(
    runs
      .filter((name) => !/^\d+$/.test(name) || !isRunning(Number(name)))
      .map((name) => rm(path.join(PARENT, name), { recursive: true, force: true })),
  );
}
