/**
 * Reads the command-line options of `contactgen conformance` (the help text is the option table in
 * generator/cli/conformance.ts); a usage problem is a UsageError (exit 2).
 */
import type { Options } from "./types.js";

export class UsageError extends Error {}

function integer(flag: string, text: string | undefined, min: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < min)
    throw new UsageError(`${flag} needs an integer ≥ ${min}, got ${text ?? "nothing"}`);
  return value;
}

export function parseArgs(argv: string[]): Options {
  const options: Options = {
    auth: {},
    headers: {},
    seed: 1,
    maxRequests: 2000,
    timeLimit: 300,
    json: false,
    dryRun: false,
  };
  const value = (i: number, flag: string): string => {
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case "--spec":
        options.spec = value(i++, arg);
        break;
      case "--server": {
        const url = value(i++, arg);
        if (!/^https?:\/\/[^/]/i.test(url)) throw new UsageError(`--server needs an http(s) URL, got ${url}`);
        options.server = url;
        break;
      }
      case "--auth": {
        const text = value(i++, arg);
        const eq = text.indexOf("=");
        if (eq <= 0) throw new UsageError(`--auth needs SCHEME=VALUE, got ${text}`);
        options.auth[text.slice(0, eq)] = text.slice(eq + 1);
        break;
      }
      case "--header": {
        const text = value(i++, arg);
        const colon = text.indexOf(":");
        if (colon <= 0) throw new UsageError(`--header needs "Name: value", got ${text}`);
        options.headers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim();
        break;
      }
      case "--seed":
        options.seed = integer(arg, argv[++i], 0);
        break;
      case "--max-requests":
        options.maxRequests = integer(arg, argv[++i], 1);
        break;
      case "--time-limit":
        options.timeLimit = integer(arg, argv[++i], 1);
        break;
      case "--operations":
        options.operations = value(i++, arg)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case "--junit":
        options.junit = value(i++, arg);
        break;
      case "--json":
        options.json = true;
        break;
      case "--dry-run":
        options.dryRun = true;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        if (options.api !== undefined) throw new UsageError(`unexpected argument ${arg}`);
        options.api = arg;
    }
  }
  if ((options.api === undefined) === (options.spec === undefined))
    throw new UsageError("name one API of generator.config.json, or pass --spec FILE");
  return options;
}
