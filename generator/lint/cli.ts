import { readFile } from "node:fs/promises";
import { formatProblem, formatSummary } from "./format.js";
import { lintSpecs } from "./index.js";

/** Spec files listed in generator.config.json, the default when no files are given. */
async function configuredSpecs(): Promise<string[]> {
  const file = "generator.config.json";
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${file}: cannot read the list of specs (${reason}); pass spec files as arguments instead`);
  }
  const apis = (parsed as { apis?: unknown }).apis;
  const specs = Array.isArray(apis) ? apis.map((api: { spec?: unknown }) => api?.spec) : [];
  if (specs.length === 0 || !specs.every((s): s is string => typeof s === "string")) {
    throw new Error(`${file}: "apis" must be a list of { "name", "spec" } entries; fix it or pass spec files`);
  }
  return specs;
}

async function main(argv: string[]): Promise<number> {
  const files = argv.length > 0 ? argv : await configuredSpecs();
  const result = await lintSpecs(files);
  for (const problem of result.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`${formatSummary(result, files.length)}\n`);
  return result.errorCount > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lint:specs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
