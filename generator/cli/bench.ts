/** `contactgen bench [NAME...]`: the benchmarks in bench/, one after another; results go to BENCHMARKS.md. */
import { readdir } from "node:fs/promises";
import { UsageError, type ParsedArgs } from "./args.js";
import type { Command } from "./command.js";

const BENCH_DIR = new URL("../../bench/", import.meta.url);
const HELPERS = new Set(["run.ts", "report.ts"]);

export async function availableBenchmarks(): Promise<string[]> {
  return (await readdir(BENCH_DIR))
    .filter((f) => f.endsWith(".ts") && !HELPERS.has(f))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

async function run({ positionals }: ParsedArgs): Promise<number> {
  const available = await availableBenchmarks();
  const unknown = positionals.filter((name) => !available.includes(name));
  if (unknown.length > 0)
    throw new UsageError(`unknown benchmark(s): ${unknown.join(", ")}; available: ${available.join(", ")}`);
  // Without names every module that exports run() runs, one after another, so measurements never compete for cores.
  for (const name of positionals.length > 0 ? positionals : available) {
    const module = (await import(new URL(`${name}.ts`, BENCH_DIR).href)) as { run?: () => Promise<void> };
    if (typeof module.run !== "function") continue;
    console.log(`\n## bench: ${name}`);
    await module.run();
  }
  return 0;
}

export const benchCommand: Command = {
  spec: {
    name: "bench",
    summary: "Run benchmarks side by side with peers (bench/<name>.ts); results are written to BENCHMARKS.md.",
    usage: ["[NAME...]"],
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    options: {},
  },
  run,
};
