/** `contactgen lint [FILE...]`: Redocly recommended + this project's rules on the configured specs or the given files. */
import { formatProblem, formatSummary } from "../lint/format.js";
import { stringOption, UsageError, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, type Command } from "./command.js";
import { readConfig } from "./config.js";

async function run({ values, positionals }: ParsedArgs): Promise<number> {
  const files =
    positionals.length > 0
      ? positionals
      : (await readConfig(stringOption(values, "config"))).apis.map((api) => api.spec);
  if (files.length === 0) throw new UsageError("no spec to lint: the config lists no APIs and no FILE was given");
  const { lintSpecs } = await import("../lint/index.js");
  let result;
  try {
    result = await lintSpecs(files);
  } catch (error) {
    // An unreadable spec is bad input (exit 2), not a finding.
    throw new UsageError(error instanceof Error ? error.message : String(error), false);
  }
  for (const problem of result.problems) process.stdout.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`${formatSummary(result, files.length)}\n`);
  return result.errorCount > 0 ? 1 : 0;
}

export const lintCommand: Command = {
  spec: {
    name: "lint",
    summary:
      "Lint OpenAPI documents with redocly.yaml (Redocly recommended + contactgen rules): file:line:column  rule  message.",
    usage: ["[FILE...] [--config FILE]"],
    positionals: { min: 0, max: Number.POSITIVE_INFINITY },
    options: {
      config: { ...CONFIG_OPTION, help: "the contactgen config whose APIs are linted when no FILE is given" },
    },
  },
  run,
};
