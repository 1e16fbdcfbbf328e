/** The docs site build (`contactgen docs`): every configured API → model → pages and scripts, written as a whole. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readConfig } from "../cli/config.js";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import type { ApiModel } from "../model/types.js";
import { emitAll, emittersFor } from "../pipeline.js";
import { siteScript, tryItScript } from "./bundle.js";
import { renderSite, type SiteFile, type SiteOptions } from "./site.js";
import { loadTemplates } from "./templates.js";
import { writeOutputs } from "../write/write.js";

export interface BuildOptions {
  config: string;
  out: string;
  /** Write into a non-empty folder that has no contactgen manifest (its other files are kept). */
  force?: boolean;
  /** Where the site is published (`/repo/` on GitHub Pages); adds a 404.html with absolute links. */
  basePath?: string;
}

export async function loadModels(config: string): Promise<ApiModel[]> {
  const { apis } = await readConfig(config);
  const models: ApiModel[] = [];
  for (const api of apis) models.push(buildModel(await loadDocument(api.spec), api.name));
  return models;
}

/** changelogs/<api>.md beside the config file, for the APIs that have one. */
export async function loadChangelogs(config: string, models: ApiModel[]): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const model of models) {
    const file = path.join(path.dirname(config), "changelogs", `${model.name}.md`);
    if (existsSync(file)) found[model.name] = await readFile(file, "utf8");
  }
  return found;
}

export async function buildSiteFiles(models: ApiModel[], options: SiteOptions = {}): Promise<SiteFile[]> {
  const pages = renderSite(models, await loadTemplates(), options);
  // Each API's validators are emitted in memory from its model, so the console checks what this spec says.
  const emitters = await emittersFor();
  const scripts = [await siteScript()];
  for (const model of models) scripts.push(await tryItScript(model.name, await emitAll(model, emitters)));
  return [...pages, ...scripts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function buildDocs(options: BuildOptions): Promise<SiteFile[]> {
  const models = await loadModels(options.config);
  const changelogs = await loadChangelogs(options.config, models);
  const files = await buildSiteFiles(models, { changelogs, basePath: options.basePath });
  // Through the generator's one writer: staged and swapped in as one transaction (a failed build leaves the previous
  // site untouched), owning only the files its manifest lists; verbatim, the pages' bytes as built.
  await writeOutputs([{ dir: options.out, files, verbatim: true }], { force: options.force ?? false });
  return files;
}
