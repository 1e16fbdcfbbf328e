#!/usr/bin/env node
// The `contactgen` command (package.json "bin"). Plain JavaScript: it runs before TypeScript support is registered.
// generator/launch.mjs preloads Redocly when the run will need it, then registers tsx; then the CLI itself loads.
import "../generator/launch.mjs";

const { main } = await import("../generator/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
