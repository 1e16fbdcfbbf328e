/**
 * Incremental generation: an API is regenerated only when its inputs changed. The key of an API is a content
 * hash of its spec folder, its name and output folder, and the generator itself (every file under generator/,
 * the lockfile and the config), so a generator edit or a dependency bump regenerates everything. The output
 * folder's content hash is recorded too: a hand-edited or deleted generated file makes the API stale again.
 * `--check` never consults this cache; it always regenerates in memory and compares.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StatMemo, type StatEntries } from "./stat-memo.js";

export interface IncrementalTarget {
  name: string;
  spec: string;
  out: string;
}

interface CacheEntry {
  input: string;
  output: string;
}

interface CacheFile {
  version: 1;
  apis: Record<string, CacheEntry>;
  /** Content hashes of file groups, reused while every file's size and mtime are unchanged (like make). */
  stats: StatEntries;
}

export const CACHE_FILE = path.join("node_modules", ".cache", "contactgen", "generate.json");
const SPEC_FILE = /\.(ya?ml|json)$/i;

/** Files under `dir`, recursively, as sorted posix paths relative to it; none when it does not exist. */
export async function listFiles(dir: string, filter: (name: string) => boolean = () => true): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && filter(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !f.split("/").includes("node_modules"))
    .sort();
}

/** Generator folders that never shape generated/ (the pipeline imports none of them). */
const OUTSIDE_OUTPUT = new Set(["diff", "docs", "mock", "incremental"]);

/** The generator this module belongs to, wherever the CLI is run from. */
export const GENERATOR_DIR = fileURLToPath(new URL("..", import.meta.url));

/**
 * What every API's output depends on besides its spec: the generator's sources, the lockfile next to them
 * (dependency versions), the config and the flags.
 */
export async function generatorFingerprint(
  options: string[] = [],
  memo = new StatMemo(),
  generator = GENERATOR_DIR,
  config = "generator.config.json",
): Promise<string> {
  const files = (await listFiles(generator)).filter((f) => !OUTSIDE_OUTPUT.has(f.split("/")[0] ?? ""));
  const sources = await memo.hash("generator", generator, files);
  const lockfile = await memo.hash("lockfile", path.dirname(path.resolve(generator)), ["package-lock.json"]);
  const settings = await memo.hash("config", path.dirname(path.resolve(config)), [path.basename(config)]);
  return createHash("sha256")
    .update(`${options.join("\0")}\0${sources}\0${lockfile}\0${settings}`)
    .digest("hex");
}

/** The spec's folder (for sibling files reached by `$ref`), or just the spec when it sits at the top level. */
export async function inputHash(
  target: IncrementalTarget,
  fingerprint: string,
  memo = new StatMemo(),
): Promise<string> {
  const dir = path.dirname(target.spec);
  const base = path.basename(target.spec);
  const listed = dir === "." || dir === "" ? [base] : await listFiles(dir, (n) => SPEC_FILE.test(n));
  const files = listed.includes(base) ? listed : [...listed, base];
  return memo.hash(`spec:${target.name}`, dir, files, `${fingerprint}\0${target.name}\0${target.out}`);
}

export async function outputHash(dir: string, memo = new StatMemo()): Promise<string> {
  return memo.hash(`out:${dir}`, dir, await listFiles(dir));
}

export class GenerateCache {
  readonly memo: StatMemo;

  private constructor(
    private readonly file: string,
    private readonly data: CacheFile,
  ) {
    this.memo = new StatMemo(data.stats);
  }

  static async load(file = CACHE_FILE): Promise<GenerateCache> {
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<CacheFile>;
      if (parsed.version === 1 && parsed.apis && typeof parsed.apis === "object") {
        return new GenerateCache(file, { version: 1, apis: parsed.apis, stats: parsed.stats ?? {} });
      }
    } catch {
      // Missing or unreadable cache: everything is stale, which is always safe.
    }
    return new GenerateCache(file, { version: 1, apis: {}, stats: {} });
  }

  async isFresh(target: IncrementalTarget, input: string): Promise<boolean> {
    const entry = this.data.apis[target.name];
    return entry?.input === input && entry.output === (await outputHash(target.out, this.memo));
  }

  async record(target: IncrementalTarget, input: string): Promise<void> {
    this.data.apis[target.name] = { input, output: await outputHash(target.out, this.memo) };
  }

  forget(name: string): void {
    delete this.data.apis[name];
  }

  async save(): Promise<void> {
    const sorted = <T>(record: Record<string, T>) =>
      Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
    await mkdir(path.dirname(this.file), { recursive: true });
    const data: CacheFile = { version: 1, apis: sorted(this.data.apis), stats: sorted(this.memo.entries) };
    await writeFile(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}

/** Splits targets into those whose inputs and outputs match the cache and those to regenerate. */
export async function planTargets<T extends IncrementalTarget>(
  targets: T[],
  cache: GenerateCache,
  fingerprint: string,
): Promise<{ fresh: T[]; stale: Array<{ target: T; input: string }> }> {
  const fresh: T[] = [];
  const stale: Array<{ target: T; input: string }> = [];
  for (const target of targets) {
    const input = await inputHash(target, fingerprint, cache.memo);
    if (await cache.isFresh(target, input)) fresh.push(target);
    else stale.push({ target, input });
  }
  return { fresh, stale };
}
