/**
 * `npm run bench [-- name...]`: runs bench/<name>.ts modules (each exports `run(): Promise<void>` and writes its own
 * section of BENCHMARKS.md). Without names it runs every module that exports `run`, one after another, so the
 * measurements never compete for the two cores.
 */
import { readdir } from "node:fs/promises";

const HELPERS = new Set(["run.ts", "report.ts"]);

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const available = (await readdir(new URL(".", import.meta.url)))
    .filter((f) => f.endsWith(".ts") && !HELPERS.has(f))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${available.join(", ")}`);
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : available) {
    const module = (await import(`./${name}.ts`)) as { run?: () => Promise<void> };
    if (typeof module.run !== "function") continue;
    console.log(`\n## bench: ${name}`);
    await module.run();
  }
}

await main();
