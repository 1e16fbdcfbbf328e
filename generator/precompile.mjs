/**
 * The precompiled CLI: generator/ (and @redocly/openapi-core with its dependencies) bundled by esbuild into plain
 * JavaScript under node_modules/.cache/contactgen/cli/, so `contactgen generate` runs on plain `node` instead of
 * tsx (docs/decisions/0113-precompiled-cli.md). Plain JavaScript: it runs before any TypeScript support exists.
 *
 * Staleness: the build records every input file it bundled (our sources by mtime and size, packages through
 * node_modules/.package-lock.json); `compiledCli()` re-checks them on each run (a few ms) and rebuilds when any
 * changed. When it cannot build (no esbuild, read-only node_modules, another process building) it returns
 * undefined and the caller runs the sources through tsx, as before. `npm ci` builds it (`prepare`).
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = path.join(ROOT, "node_modules/.cache/contactgen/cli");
const CURRENT = path.join(CACHE, "current.json");
const LOCK = path.join(CACHE, "building.lock");
/** Inputs outside the bundle's own sources that change what it must contain. */
const EXTRA_INPUTS = ["node_modules/.package-lock.json", "package.json", "generator/precompile.mjs"];
/** Packages bundled in (their ~300 CommonJS modules cost ~0.3 s to resolve and load one by one); the rest stay external. */
const BUNDLED_PACKAGE = /^@redocly\/openapi-core(\/|$)/;
const STALE_LOCK_MS = 60_000;
const KEEP_OLD_BUILDS_MS = 3_600_000;
const debug = process.env.CONTACTGEN_DEBUG !== undefined;

/** [mtimeMs, size] of a file relative to the checkout, or null when it is missing. */
function stamp(relative) {
  try {
    const s = statSync(path.join(ROOT, relative));
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

export function readCurrent() {
  try {
    return JSON.parse(readFileSync(CURRENT, "utf8"));
  } catch {
    return undefined;
  }
}

export function isFresh(current) {
  if (!current || typeof current.dir !== "string" || typeof current.inputs !== "object") return false;
  for (const [file, recorded] of Object.entries(current.inputs)) {
    const now = stamp(file);
    if (now === null ? recorded !== null : recorded === null || now[0] !== recorded[0] || now[1] !== recorded[1])
      return false;
  }
  return true;
}

/**
 * esbuild plugin: our sources keep meaning "this source file" by `import.meta.url` (runtime-files.ts reads
 * ../runtime/, main.ts ../../package.json), so each use becomes the URL of the source file it was written in.
 * generator/precompiled.ts learns that it is precompiled, and where the bundle is. Bare imports from our sources stay external except Redocly.
 */
function sourcePlugin(outdir) {
  return {
    name: "contactgen-sources",
    setup(build) {
      // Redocly's GraphQL rules import graphql at load time; contactgen never runs them (generator/cli/graphql-left-out.ts).
      build.onResolve({ filter: /^graphql$/ }, (args) =>
        args.importer.includes(`${path.sep}@redocly${path.sep}openapi-core${path.sep}`)
          ? { path: path.join(ROOT, "generator/cli/graphql-left-out.ts") }
          : undefined,
      );
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        if (args.path.startsWith("node:") || !BUNDLED_PACKAGE.test(args.path)) return { external: true };
        return undefined;
      });
      build.onLoad({ filter: /[\\/]generator[\\/].*\.ts$/ }, (args) => {
        const relative = path.relative(outdir, args.path).split(path.sep).join("/");
        let contents = readFileSync(args.path, "utf8").replace(
          /\bimport\.meta\.url\b/g,
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        );
        if (/[\\/]generator[\\/]precompiled\.ts$/.test(args.path)) {
          contents = contents
            .replace("PRECOMPILED = false", "PRECOMPILED = true")
            .replace("BUNDLE_DIR = undefined", 'BUNDLE_DIR = new URL(".", import.meta.url).href');
        }
        return { contents, loader: "ts" };
      });
    },
  };
}

/** Every file under `dir` (relative to the checkout, posix separators). */
function sourceFiles(dir) {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join("/"),
    );
}

function pruneOldBuilds(keep) {
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith("b-") || name === keep) continue;
    const dir = path.join(CACHE, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/** Builds a fresh bundle into its own folder and points current.json at it (atomically: write, then rename). */
export async function buildCli() {
  const { build } = await import("esbuild");
  mkdirSync(CACHE, { recursive: true });
  const name = `b-${Date.now().toString(36)}-${process.pid}`;
  const outdir = path.join(CACHE, name);
  // Stamped before bundling, so a file saved while esbuild reads it counts as changed on the next run.
  const before = new Map([...sourceFiles("generator"), ...EXTRA_INPUTS].map((f) => [f, stamp(f)]));
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      main: path.join(ROOT, "generator/cli/main.ts"),
      "parallel-worker": path.join(ROOT, "generator/parallel/worker.ts"),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "silent",
    chunkNames: "[name]-[hash]",
    // Bundled CommonJS (Redocly's dependencies) calls require() for Node built-ins.
    banner: {
      js: 'import { createRequire as __contactgenRequire } from "node:module"; const require = __contactgenRequire(import.meta.url);',
    },
    plugins: [sourcePlugin(outdir)],
  });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
  const inputs = Object.fromEntries(
    [...sources, ...EXTRA_INPUTS].sort().map((f) => [f, before.has(f) ? before.get(f) : stamp(f)]),
  );
  const temporary = `${CURRENT}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ dir: name, inputs })}\n`);
  renameSync(temporary, CURRENT);
  pruneOldBuilds(name);
  return pathToFileURL(path.join(outdir, "main.js")).href;
}

/** Takes the build lock (a folder); a lock older than a minute is left over from a killed build and is taken over. */
function lock() {
  try {
    mkdirSync(CACHE, { recursive: true });
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") return false;
    try {
      if (Date.now() - statSync(LOCK).mtimeMs < STALE_LOCK_MS) return false;
      rmSync(LOCK, { recursive: true, force: true });
      mkdirSync(LOCK);
      return true;
    } catch {
      return false;
    }
  }
}

/** The URL of the precompiled generator/cli/main.ts when it is current (built now if it was not), else undefined. */
export async function compiledCli() {
  if (process.env.CONTACTGEN_NO_PRECOMPILE !== undefined) return undefined;
  const current = readCurrent();
  if (isFresh(current)) return pathToFileURL(path.join(CACHE, current.dir, "main.js")).href;
  if (!lock()) return undefined;
  try {
    return await buildCli();
  } catch (error) {
    if (debug) process.stderr.write(`contactgen: precompiling failed, running through tsx (${error})\n`);
    return undefined;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // `npm ci` / `npm install` (prepare): never fail an install over it; the first run builds instead.
  await buildCli().catch((error) => console.warn(`contactgen: not precompiled (${error.message}); runs use tsx`));
}
