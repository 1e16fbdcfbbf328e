import type { OutputSet } from "../write/write.js";
import path from "node:path";
import { CACHE_FILE, GenerateCache, generatorFingerprint, planTargets, type IncrementalTarget } from "./cache.js";

export interface IncrementalRun<T extends IncrementalTarget> {
  targets: T[];
  /** Flags that change the output or what is allowed (e.g. `--no-lint`): part of the cache key. */
  flags: string[];
  /** The CLI's own load → lint → model → emit for the given targets. */
  generate: (targets: T[]) => Promise<OutputSet[]>;
  write: (sets: OutputSet[]) => Promise<void>;
  /** Folder holding the cache (`node_modules/.cache/…`) and generator.config.json; default: the working directory. */
  root?: string;
  /** Generator sources to fingerprint; default: the generator this module belongs to. */
  generatorDir?: string;
}

/**
 * Generates only the targets whose inputs or outputs changed since the last run, then records them. Nothing heavy
 * is loaded when everything is fresh: the caller imports the pipeline inside `generate`.
 */
export async function generateIncrementally<T extends IncrementalTarget>(
  run: IncrementalRun<T>,
): Promise<{ written: OutputSet[]; fresh: T[] }> {
  const root = run.root ?? ".";
  const cache = await GenerateCache.load(path.join(root, CACHE_FILE));
  const config = path.join(root, "generator.config.json");
  const fingerprint = await generatorFingerprint(run.flags, cache.memo, run.generatorDir, config);
  const { fresh, stale } = await planTargets(run.targets, cache, fingerprint);
  if (stale.length === 0) return { written: [], fresh };
  const sets = await run.generate(stale.map((s) => s.target));
  for (const { target } of stale) cache.forget(target.name);
  await cache.save();
  await run.write(sets);
  for (const { target, input } of stale) await cache.record(target, input);
  await cache.save();
  return { written: sets, fresh };
}
