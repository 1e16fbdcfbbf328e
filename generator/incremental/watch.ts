/**
 * `npm run generate -- --watch`: regenerates an API when a file in its spec folder changes. A broken edit is
 * reported (the loader's message names file:line:col) and watching goes on; the previous output stays in place
 * because the writer only swaps in complete output sets.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { IncrementalTarget } from "./cache.js";

export interface WatchOptions<T extends IncrementalTarget> {
  targets: T[];
  /** Generates and writes the given targets; throws on a broken spec. */
  regenerate: (targets: T[]) => Promise<void>;
  log?: (line: string) => void;
  /** Editors write a file in several steps; changes closer together than this are one save. */
  debounceMs?: number;
}

export interface Watcher {
  close(): void;
  /** Resolves when every regeneration triggered so far has finished (for tests and clean shutdown). */
  idle(): Promise<void>;
}

const SPEC_FILE = /\.(ya?ml|json)$/i;

export function watchTargets<T extends IncrementalTarget>(options: WatchOptions<T>): Watcher {
  const log = options.log ?? ((line: string) => console.error(line));
  const debounceMs = options.debounceMs ?? 100;
  const byDir = new Map<string, T[]>();
  for (const target of options.targets) {
    const dir = path.dirname(path.resolve(target.spec));
    byDir.set(dir, [...(byDir.get(dir) ?? []), target]);
  }
  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<T>();
  let running: Promise<void> = Promise.resolve();

  const run = (targets: T[]) => {
    running = running.then(async () => {
      const started = performance.now();
      const names = targets.map((t) => t.name).join(", ");
      try {
        await options.regenerate(targets);
        log(`✓ regenerated ${names} in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        log(`✗ ${names}: ${error instanceof Error ? error.message : String(error)}`);
        log("  (previous output kept; fix the spec and save again; still watching)");
      }
    });
  };

  /** Saves to several specs within the debounce window regenerate together, each API once. */
  const schedule = (targets: T[]) => {
    for (const target of targets) pending.add(target);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending];
      pending.clear();
      run(batch);
    }, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const [dir, targets] of byDir) {
    const watcher = watch(dir, (_event, file) => {
      if (!file || SPEC_FILE.test(String(file))) schedule(targets);
    });
    watcher.on("error", (error) => log(`✗ watching ${dir}: ${error.message}`));
    watchers.push(watcher);
  }
  log(`watching ${options.targets.length} API(s): ${options.targets.map((t) => t.spec).join(", ")} (Ctrl-C to stop)`);
  return {
    close() {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
    },
    async idle() {
      await running;
    },
  };
}
