/** The docs site build (`contactgen docs`): every configured API → model → pages and scripts, written as a whole. */
import { readConfig } from "../cli/config.js";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import type { ApiModel } from "../model/types.js";
import { emitAll, emittersFor } from "../pipeline.js";
import { siteScript, tryItScript } from "./bundle.js";
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
  const { apis } = await readConfig(config);
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
