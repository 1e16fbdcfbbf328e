/**
 * Reads the command-line options of `contactgen conformance` with the one argument parser (generator/cli/args.ts)
 * and the command's option table (./command-spec.ts), then checks what the table cannot say: an
 * http(s) server, `Name: value` headers, integer bounds, and exactly one of an API name or `--spec`.
 */
import { CONFORMANCE_SPEC } from "./command-spec.js";
import { listOption, pairsOption, parseCommand, stringOption, UsageError } from "../cli/args.js";
import type { Options } from "./types.js";

export { UsageError };

function integer(flag: string, text: string | undefined, min: number, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min) throw new UsageError(`${flag} needs an integer ≥ ${min}, got ${text}`);
  return value;
}

/** The options of one run (`--help` is answered by the CLI before this is called). */
export function parseArgs(argv: string[]): Options {
  const parsed = parseCommand(CONFORMANCE_SPEC, argv);
  const values = parsed === "help" ? {} : parsed.values;
  const headers: Record<string, string> = {};
  for (const text of listOption(values, "header")) {
    const colon = text.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header needs "Name: value", got ${text}`);
    headers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim();
  }
  const server = stringOption(values, "server");
  if (server !== undefined && !/^https?:\/\/[^/]/i.test(server))
    throw new UsageError(`--server needs an http(s) URL, got ${server}`);
  const operations = stringOption(values, "operations");
  const options: Options = {
    auth: pairsOption(values, "auth"),
    headers,
    seed: integer("--seed", stringOption(values, "seed"), 0, 1),
    maxRequests: integer("--max-requests", stringOption(values, "max-requests"), 1, 2000),
    timeLimit: integer("--time-limit", stringOption(values, "time-limit"), 1, 300),
    json: values.json === true,
    dryRun: values["dry-run"] === true,
  };
  const spec = stringOption(values, "spec");
  const api = parsed === "help" ? undefined : parsed.positionals[0];
  if (spec !== undefined) options.spec = spec;
  if (api !== undefined) options.api = api;
  if (server !== undefined) options.server = server;
  if (operations !== undefined)
    options.operations = operations
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const junit = stringOption(values, "junit");
  if (junit !== undefined) options.junit = junit;
  if ((api === undefined) === (spec === undefined))
    throw new UsageError("name one API of generator.config.json, or pass --spec FILE");
  return options;
}
