/** Shared by the docs tests: the real APIs' models and the site built from them, memoised per test file. */
import path from "node:path";
import { buildSiteFiles, loadModels } from "../../generator/docs/build.js";
import type { SiteFile } from "../../generator/docs/site.js";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import type { ApiModel } from "../../generator/model/types.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const HOSTILE_SPEC = path.join(ROOT, "test/fixtures/docs-hostile.yaml");

let cached: Promise<{ models: ApiModel[]; files: SiteFile[] }> | undefined;

export function realSite(): Promise<{ models: ApiModel[]; files: SiteFile[] }> {
  cached ??= (async () => {
    const models = await loadModels(path.join(ROOT, "generator.config.json"));
    return { models, files: await buildSiteFiles(models) };
  })();
  return cached;
}

export async function hostileSite(): Promise<{ model: ApiModel; files: SiteFile[] }> {
  const model = buildModel(await loadDocument(HOSTILE_SPEC), "hostile");
  return { model, files: await buildSiteFiles([model]) };
}
