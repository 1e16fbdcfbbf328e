/**
 * One API's SDK as a publishable npm package: the generated client compiled to `dist/` (ESM + .d.ts), its
 * package.json and README. Returns the files; the writer (generator/write) puts the folder in place atomically.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ApiConfig, ContactgenConfig } from "../cli/config.js";
import type { EmittedFile } from "../emit/emitter.js";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import { generatedSources } from "./cache-key.js";
import { compileClient } from "./compile.js";
import { packageJson, runtimeDependencies } from "./package-json.js";
import { sdkReadme } from "./readme.js";

/** Versions contactgen itself pins (dependencies of the generated runtime, e.g. openapi-fetch). */
async function pinnedVersions(): Promise<Record<string, string>> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  const pkg = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return { ...pkg.devDependencies, ...pkg.dependencies };
}

export async function buildPackage(config: ContactgenConfig, api: ApiConfig): Promise<EmittedFile[]> {
  const sources = await generatedSources(api.out);
  if (sources.length === 0) throw new Error(`${api.out}: no generated client; run \`contactgen generate\` first`);
  const texts = await Promise.all(
    sources.map(async (f) => ({ contents: await readFile(path.join(api.out, f), "utf8") })),
  );
  const model = buildModel(await loadDocument(api.spec), api.name);
  const identity = {
    name: api.packageName,
    license: config.packages.license,
    ...(config.packages.repository ? { repository: config.packages.repository } : {}),
  };
  return [
    {
      path: "package.json",
      contents: packageJson(
        model,
        identity,
        runtimeDependencies(texts, await pinnedVersions()),
        sources.filter((f) => !f.includes("/") && f !== "index.ts").map((f) => f.replace(/\.ts$/, "")),
      ),
    },
    { path: "README.md", contents: sdkReadme(model, api.packageName) },
    ...compileClient(api.out, sources),
  ];
}
