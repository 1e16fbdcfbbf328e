/**
 * APIs' SDKs as publishable npm packages: each generated client compiled to `dist/` (ESM + .d.ts; all of them in one
 * compiler process), its package.json and README. Returns the files; the writer (generator/write) puts the folders
 * in place atomically.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ApiConfig, ContactgenConfig } from "../cli/config.js";
import type { EmittedFile } from "../emit/emitter.js";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import { generatedSources } from "./cache-key.js";
import { compileClients } from "./compile.js";
import { packageJson, runtimeDependencies } from "./package-json.js";
import { sdkReadme } from "./readme.js";

/** Versions contactgen itself pins (dependencies of the generated runtime, e.g. openapi-fetch). */
async function pinnedVersions(): Promise<Record<string, string>> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  const pkg = JSON.parse(text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return { ...pkg.devDependencies, ...pkg.dependencies };
}

/** package.json and README.md of one API whose client compiled. */
async function packageFiles(
  config: ContactgenConfig,
  api: ApiConfig,
  sources: readonly string[],
): Promise<EmittedFile[]> {
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
  ];
}

/** Each API's package files, or the Error that refuses it (no generated client, a type error, a bad version). */
export async function buildPackages(
  config: ContactgenConfig,
  apis: readonly ApiConfig[],
): Promise<Array<EmittedFile[] | Error>> {
  const sources = await Promise.all(apis.map((api) => generatedSources(api.out)));
  const present = apis.flatMap((api, i) => (sources[i]!.length > 0 ? [i] : []));
  const compiled = await compileClients(present.map((i) => ({ dir: apis[i]!.out, files: sources[i]! })));
  return Promise.all(
    apis.map(async (api, i) => {
      const dist = compiled[present.indexOf(i)];
      if (dist === undefined) return new Error(`${api.out}: no generated client; run \`contactgen generate\` first`);
      if (dist instanceof Error) return dist;
      try {
        return [...(await packageFiles(config, api, sources[i]!)), ...dist];
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
