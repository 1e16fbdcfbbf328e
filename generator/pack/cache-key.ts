/**
 * The key of the pack cache (./cache.ts): a content hash of everything that shapes one API's package. The API's
 * generated .ts sources, its spec folder (package.json and the README come from the model), the package identity
 * from the config, every file of the generator (pack, model, README examples…), contactgen's package.json (the
 * pinned dependency versions), the lockfile and the version of the compiler pack runs (TypeScript 7, ADR 0153).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { ApiConfig, ContactgenConfig } from "../cli/config.js";
import { GENERATOR_DIR, inputHash, listFiles } from "../incremental/cache.js";
import { hashFiles } from "../incremental/stat-memo.js";
import { COMPILER_PACKAGE } from "../typescript7.js";

/** Bumped when the stored format or the meaning of the key changes. */
const FORMAT = "contactgen-pack-cache-2";

async function digestFiles(dir: string, files: readonly string[], into = createHash("sha256")): Promise<string> {
  await hashFiles(into, dir, files);
  return into.digest("hex");
}

/** The installed version of the compiler pack runs (the typescript-7 package). */
export async function compilerVersion(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve(`${COMPILER_PACKAGE}/package.json`);
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/** What every API's package depends on besides its own input: the generator, its dependencies, the compiler. */
export async function packFingerprint(compiler?: string): Promise<string> {
  const root = path.dirname(path.resolve(GENERATOR_DIR));
  const generator = await digestFiles(GENERATOR_DIR, await listFiles(GENERATOR_DIR));
  const project = await digestFiles(root, ["package.json", "package-lock.json"]);
  const version = compiler ?? (await compilerVersion());
  return createHash("sha256")
    .update(`${FORMAT}\0${generator}\0${project}\0${COMPILER_PACKAGE}@${version}`)
    .digest("hex");
}

/** The generated .ts sources `buildPackages` compiles, sorted posix paths relative to the API's folder. */
export async function generatedSources(dir: string): Promise<string[]> {
  return listFiles(dir, (name) => name.endsWith(".ts"));
}

export async function packKey(config: ContactgenConfig, api: ApiConfig, fingerprint: string): Promise<string> {
  const identity = JSON.stringify([api.name, api.packageName, config.packages.license, config.packages.repository]);
  const spec = await inputHash({ name: api.name, spec: api.spec, out: api.out }, fingerprint);
  const hash = createHash("sha256").update(`${fingerprint}\0${identity}\0${spec}`);
  return digestFiles(api.out, await generatedSources(api.out), hash);
}
