/** The docs site build (`contactgen docs`): every configured API → model → pages, written as a whole. */
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import type { ApiModel } from "../model/types.js";
import { readConfig } from "../cli/config.js";
import { renderSite, type SiteFile } from "./site.js";
import { loadTemplates } from "./templates.js";
import { writeSite } from "./write-site.js";

export interface BuildOptions {
  config: string;
  out: string;
}

export async function loadModels(config: string): Promise<ApiModel[]> {
  const { apis } = await readConfig(config);
  const models: ApiModel[] = [];
  for (const api of apis) models.push(buildModel(await loadDocument(api.spec), api.name));
  return models;
}

export async function buildSiteFiles(models: ApiModel[]): Promise<SiteFile[]> {
  return renderSite(models, await loadTemplates());
}

export async function buildDocs(options: BuildOptions): Promise<SiteFile[]> {
  const files = await buildSiteFiles(await loadModels(options.config));
  await writeSite(options.out, files);
  return files;
}
