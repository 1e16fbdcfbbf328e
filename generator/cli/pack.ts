/**
 * `contactgen pack [<api>...]`: each configured API's SDK as an npm package in `<packages.out>/<api>/`
 * (default `packages/`, git-ignored): package.json, README.md, dist/ (ESM + .d.ts). Generates first (only what
 * changed), so the package always matches the spec. Publish with `npm publish packages/<api>`.
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
  const [{ buildPackage }, { writeOutputs }] = await Promise.all([
    import("../pack/build.js"),
    import("../write/write.js"),
  ]);
  const out = stringOption(values, "out") ?? config.packages.out;
  const sets = [];
  for (const api of apis) sets.push({ dir: path.join(out, api.name), files: await buildPackage(config, api) });
  await writeOutputs(sets);
  for (const [i, set] of sets.entries())
    console.log(`packed ${apis[i]!.packageName} into ${set.dir.split(path.sep).join("/")} (${set.files.length} files)`);
  return 0;
}

export const packCommand: Command = {
  spec: {
    name: "pack",
    summary: "Build each API's SDK as a publishable npm package (ESM + .d.ts, package.json, README) into packages/.",
    usage: ["[<api>...] [--out DIR] [--config FILE]"],
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    options: {
      out: {
        type: "string",
        value: "DIR",
        help: "folder of the packages (default: the config's packages.out, packages)",
      },
      config: CONFIG_OPTION,
    },
  },
  run,
};
