/**
 * `contactgen pack [<api>...]`: each configured API's SDK as an npm package in `<packages.out>/<api>/`
 * (default `packages/`, git-ignored): package.json, README.md, dist/ (ESM + .d.ts). Generates first (only what
 * changed), so the package always matches the spec. Publish with `npm publish packages/<api>`. A package whose
 * inputs were packed before is copied from the pack cache (generator/pack/cache.ts) instead of compiled again.
 */
import path from "node:path";
import { stringOption, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, type Command } from "./command.js";
import { findApi, readConfig } from "./config.js";
import { generateCommand } from "./generate.js";

async function run({ values, positionals }: ParsedArgs): Promise<number> {
  const configFile = stringOption(values, "config");
  const config = await readConfig(configFile);
  const apis = positionals.length > 0 ? positionals.map((name) => findApi(config, name)) : config.apis;
  const generated = await generateCommand.run({ values: configFile ? { config: configFile } : {}, positionals: [] });
  if (generated !== 0) return generated;
  const [{ PackCache, packFingerprint, packKey }, { writeOutputs }] = await Promise.all([
    import("../pack/cache.js"),
    import("../write/write.js"),
  ]);
  const out = stringOption(values, "out") ?? config.packages.out;
  // The compiler (and Redocly, for the README's model) is loaded only when something is not cached; every package
  // not cached is compiled by one compiler process.
  const build = async (indices: number[]) =>
    (await import("../pack/build.js")).buildPackages(
      config,
      indices.map((i) => apis[i]!),
    );
  const cache = values["no-cache"] === true ? undefined : new PackCache();
  let built;
  if (cache) {
    const fingerprint = await packFingerprint();
    const keys = await Promise.all(apis.map((api) => packKey(config, api, fingerprint)));
    built = await cache.getOrBuildAll(keys, build);
  } else {
    built = (await build(apis.map((_, i) => i))).map((files) => {
      if (files instanceof Error) throw files;
      return { files, cached: false };
    });
  }
  const sets = built.map(({ files, cached }, i) => ({ dir: path.join(out, apis[i]!.name), files, cached }));
  await writeOutputs(sets);
  for (const [i, set] of sets.entries()) {
    const where = set.dir.split(path.sep).join("/");
    console.log(
      `packed ${apis[i]!.packageName} into ${where} (${set.files.length} files${set.cached ? ", cached" : ""})`,
    );
  }
  return 0;
}

export const packCommand: Command = {
  spec: {
    name: "pack",
    summary: "Build each API's SDK as a publishable npm package (ESM + .d.ts, package.json, README) into packages/.",
    usage: ["[<api>...] [--out DIR] [--no-cache] [--config FILE]"],
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    options: {
      out: {
        type: "string",
        value: "DIR",
        help: "folder of the packages (default: the config's packages.out, packages)",
      },
      "no-cache": {
        type: "boolean",
        help: "compile every package even if it was packed from the same input before (the cache: node_modules/.cache/contactgen/pack, or $CONTACTGEN_PACK_CACHE)",
      },
      config: CONFIG_OPTION,
    },
  },
  run,
};
