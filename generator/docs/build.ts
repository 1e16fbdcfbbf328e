/**
 * `npm run docs [-- --out site] [--config generator.config.json]`: loads every API in the config, builds the
 * model and writes the static site. Exits 1 with a message naming the file on bad input.
 */
import { pathToFileURL } from "node:url";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import type { ApiModel } from "../model/types.js";
import { emitAll, emittersFor } from "../pipeline.js";
import { siteScript, tryItScript } from "./bundle.js";
import { readApis } from "./config.js";
import { renderSite, type SiteFile } from "./site.js";
import { loadTemplates } from "./templates.js";
import { writeSite } from "./write-site.js";

export interface BuildOptions {
  config: string;
  out: string;
  /** Write into a non-empty folder that has no contactgen manifest (its other files are kept). */
  force?: boolean;
}

export async function loadModels(config: string): Promise<ApiModel[]> {
  const apis = await readApis(config);
  const models: ApiModel[] = [];
  for (const api of apis) models.push(buildModel(await loadDocument(api.spec), api.name));
  return models;
}

export async function buildSiteFiles(models: ApiModel[]): Promise<SiteFile[]> {
  const pages = renderSite(models, await loadTemplates());
  // Each API's validators are emitted in memory from its model, so the console checks what this spec says.
  const emitters = await emittersFor();
  const scripts = [await siteScript()];
  for (const model of models) scripts.push(await tryItScript(model.name, await emitAll(model, emitters)));
  return [...pages, ...scripts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function buildDocs(options: BuildOptions): Promise<SiteFile[]> {
  const files = await buildSiteFiles(await loadModels(options.config));
  await writeSite(options.out, files, { force: options.force ?? false });
  return files;
}

export function parseArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = { config: "generator.config.json", out: "site" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--force") {
      options.force = true;
    } else if ((flag === "--out" || flag === "--config") && value !== undefined && !value.startsWith("--")) {
      options[flag === "--out" ? "out" : "config"] = value;
      i++;
    } else {
      throw new Error(`docs: unknown argument "${flag}"; usage: npm run docs -- [--out DIR] [--config FILE] [--force]`);
    }
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const files = await buildDocs(options);
    const pages = files.filter((f) => f.path.endsWith(".html")).length;
    const examples = files.filter((f) => f.path.endsWith(".ts")).length;
    console.log(`docs: wrote ${pages} pages and ${examples} examples to ${options.out}/`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
