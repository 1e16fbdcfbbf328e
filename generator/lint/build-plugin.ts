/**
 * The spec lint plugin as plain JavaScript (`generator/lint/dist/`), so stock Redocly loads it from redocly.yaml:
 * `npx redocly lint`, `bundle`, `build-docs` and Redocly's editor integrations run Node without TypeScript
 * support. Our own code keeps using the TypeScript source (generator/lint/config.ts hands it to Redocly as a ready
 * object). Each module is transpiled on its own (types erased, nothing bundled), so the output maps one-to-one to
 * the sources; test/specs/redocly-plugin.test.ts fails when it is out of date.
 * `npm run build:lint-plugin` rewrites it; `-- --check` only compares.
 */
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const LINT_DIR = fileURLToPath(new URL(".", import.meta.url));
export const PLUGIN_DIST = path.join(LINT_DIR, "dist");
const HEADER = "// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.\n";

/** The plugin module and everything it imports from this folder, as { path relative to dist, contents }. */
export async function buildLintPlugin(): Promise<Array<{ path: string; contents: string }>> {
  const sources = ["plugin.ts", ...(await readdir(path.join(LINT_DIR, "rules"))).map((f) => `rules/${f}`)].filter((f) =>
    f.endsWith(".ts"),
  );
  const out = [];
  for (const source of sources.sort()) {
    const text = await readFile(path.join(LINT_DIR, source), "utf8");
    const { outputText } = ts.transpileModule(text, {
      fileName: source,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
        removeComments: false,
      },
    });
    out.push({ path: source.replace(/\.ts$/, ".js"), contents: HEADER + outputText });
  }
  return out;
}

/** Files under dist/ that differ from a fresh build (changed, missing or extra). */
export async function staleLintPluginFiles(): Promise<string[]> {
  const built = await buildLintPlugin();
  const stale: string[] = [];
  for (const file of built) {
    const current = await readFile(path.join(PLUGIN_DIST, file.path), "utf8").catch(() => undefined);
    if (current !== file.contents) stale.push(file.path);
  }
  const expected = new Set(built.map((f) => f.path));
  const present = await readdir(PLUGIN_DIST, { recursive: true }).catch(() => [] as string[]);
  for (const file of present) {
    const rel = file.split(path.sep).join("/");
    if (rel.endsWith(".js") && !expected.has(rel)) stale.push(rel);
  }
  return stale.sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--check")) {
    const stale = await staleLintPluginFiles();
    for (const file of stale) console.error(`stale: generator/lint/dist/${file}`);
    if (stale.length > 0) console.error("run `npm run build:lint-plugin`");
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const file of await buildLintPlugin()) {
      await mkdir(path.dirname(path.join(PLUGIN_DIST, file.path)), { recursive: true });
      await writeFile(path.join(PLUGIN_DIST, file.path), file.contents);
    }
    console.log("wrote generator/lint/dist/");
  }
}
