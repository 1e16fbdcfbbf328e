#!/usr/bin/env node
// The `contactgen` command (package.json "bin"). Plain JavaScript: it runs before TypeScript support is registered.
// `generate`, `docs`, `diff`, `pack`, `mock`, `--version` and the command list run the precompiled CLI on plain
// node when it is current (generator/precompile.mjs checks and rebuilds it; ADR 0113; pack: ADR 0152, a cached pack
// is start-up only; mock: ready in 0.6 s instead of 1.6). The
// other commands run the TypeScript sources: lint loads Redocly plugins, bench and conformance import TypeScript
// files at run time. So does any command when precompiling is not possible: generator/launch.mjs preloads Redocly
// when the run will need it, then registers tsx.
// "" is `contactgen` alone (the command list): registering tsx for a line of text cost about 0.4 s.
const PRECOMPILED_COMMANDS = new Set([
  "generate",
  "docs",
  "diff",
  "pack",
  "mock",
  "--version",
  "--help",
  "-h",
  "help",
  "",
]);
const argv = process.argv.slice(2);
let entry;
if (PRECOMPILED_COMMANDS.has(argv[0] ?? "")) entry = await (await import("../generator/precompile.mjs")).compiledCli();
if (entry === undefined) {
  await import("../generator/launch.mjs");
  entry = "../generator/cli/main.ts";
}
const { main } = await import(entry);
process.exitCode = await main(argv);
