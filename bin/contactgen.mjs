#!/usr/bin/env node
// The `contactgen` command (package.json "bin"). Plain JavaScript: it runs before TypeScript support is registered.
// `generate` runs the precompiled CLI on plain node when it is current (generator/precompile.mjs checks and
// rebuilds it; ADR 0113); every other command, and `generate` when precompiling is not possible, runs the
// TypeScript sources: generator/launch.mjs preloads Redocly when the run will need it, then registers tsx.
const argv = process.argv.slice(2);
let entry;
if (argv[0] === "generate") entry = await (await import("../generator/precompile.mjs")).compiledCli();
if (entry === undefined) {
  await import("../generator/launch.mjs");
  entry = "../generator/cli/main.ts";
}
const { main } = await import(entry);
process.exitCode = await main(argv);
