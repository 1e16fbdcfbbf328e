/**
 * Browser scripts of the site, bundled at docs time by esbuild (minified IIFEs, no source maps, deterministic):
 * `assets/site.js` on every page (tabs, copy, menu, search) and `assets/tryit-<api>.js` on each API page (the
 * try-it console with that API's generated validators, emitted in memory from the model).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import type { EmittedFile } from "../emit/emitter.js";
import { tryItScriptPath, type SiteFile } from "./site.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const VIRTUAL = "contactgen-generated";

async function bundle(contents: string, plugins: Plugin[] = []): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: HERE, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    target: "es2020",
    platform: "browser",
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    plugins,
  });
  const text = result.outputFiles[0]?.text ?? "";
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** Serves one API's emitted files (validators.ts and what it imports) as modules under `contactgen-generated/`. */
function generatedFiles(files: EmittedFile[]): Plugin {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  return {
    name: "generated-files",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${VIRTUAL}/`) }, (args) => ({
        path: args.path.slice(VIRTUAL.length + 1).replace(/\.js$/, ".ts"),
        namespace: VIRTUAL,
      }));
      b.onResolve({ filter: /^\.\.?\//, namespace: VIRTUAL }, (args) => {
        const joined = path.posix.join(path.posix.dirname(args.importer), args.path).replace(/\.js$/, ".ts");
        return { path: joined, namespace: VIRTUAL };
      });
      b.onLoad({ filter: /.*/, namespace: VIRTUAL }, (args) => {
        const contents = byPath.get(args.path);
        if (contents === undefined) throw new Error(`docs: the generated client has no ${args.path}`);
        // Bare imports inside generated code (a pattern engine) resolve from the project's node_modules.
        return { contents, loader: "ts", resolveDir: ROOT };
      });
    },
  };
}

export async function siteScript(): Promise<SiteFile> {
  return { path: "assets/site.js", contents: await bundle(`import "./browser/site.ts";`) };
}

/** The try-it console for one API; without a validators.ts it still runs and checks nothing. */
export async function tryItScript(api: string, files: EmittedFile[]): Promise<SiteFile> {
  const hasValidators = files.some((f) => f.path === "validators.ts");
  const entry = hasValidators
    ? `import { operationValidators } from "${VIRTUAL}/validators.js";\nimport { initTryIt } from "./browser/tryit.ts";\ninitTryIt(operationValidators, ${JSON.stringify(api)});\n`
    : `import { initTryIt } from "./browser/tryit.ts";\ninitTryIt({}, ${JSON.stringify(api)});\n`;
  return { path: tryItScriptPath(api), contents: await bundle(entry, [generatedFiles(files)]) };
}
