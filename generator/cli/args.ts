/**
 * The one argument parser of the `contactgen` command: node:util's parseArgs (strict) plus help text built from the
 * same option table, and errors turned into one-line usage errors (exit 2) instead of Node's coded exceptions.
 * Why not an argument library: docs/decisions/0150-cli-arguments.md.
 */
import { parseArgs } from "node:util";

/** Bad command-line input or configuration: printed as one line (plus usage) and the process exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** False for input errors where the usage text would not help (e.g. a config file that does not validate). */
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface OptionSpec {
  type: "string" | "boolean";
  /** What the value is, shown in help: `--port N`. */
  value?: string;
  short?: string;
  default?: string | boolean;
  /** Repeatable: the value is a list. */
  multiple?: boolean;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Synopsis lines after `contactgen <name>`, e.g. `<api> [--port N]`. */
  usage: string[];
  options: Record<string, OptionSpec>;
  /** How many positionals the command takes. */
  positionals: { min: number; max: number };
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const HELP: OptionSpec = { type: "boolean", short: "h", help: "show this help" };

export function usageLine(spec: CommandSpec): string {
  return spec.usage.map((u, i) => `${i === 0 ? "usage:" : "      "} contactgen ${spec.name} ${u}`.trimEnd()).join("\n");
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`;
    const fallback = typeof o.default === "string" ? ` (default: ${o.default})` : "";
    return [flag, `${o.help}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`);
  return `${spec.summary}\n\n${usageLine(spec)}\n\noptions:\n${lines.join("\n")}\n`;
}

/** Parses argv for one command; `"help"` when -h/--help was given (anywhere). Throws UsageError on bad input. */
export function parseCommand(spec: CommandSpec, argv: string[]): ParsedArgs | "help" {
  if (argv.includes("--help") || argv.includes("-h")) return "help";
  const options: Record<
    string,
    { type: "string" | "boolean"; short?: string; default?: string | boolean; multiple?: boolean }
  > = {};
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new UsageError(describeParseError(error, spec));
  }
  const { min, max } = spec.positionals;
  const count = parsed.positionals.length;
  if (count > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  if (count < min) throw new UsageError(`missing argument: ${spec.usage[0]?.split(" ")[0] ?? "value"}`);
  return parsed;
}

/** node:util errors carry long, multi-sentence messages; keep the fact, in our words. */
function describeParseError(error: unknown, spec: CommandSpec): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? "")?.[1] ?? "";
  const name = option.replace(/^-+/, "");
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const known = spec.options[name] ?? Object.values(spec.options).find((o) => o.short === name);
      return known?.type === "boolean"
        ? `${option} takes no value`
        : `${option} needs a value${known?.value ? ` (${known.value})` : ""}`;
    }
    default:
      return (message ?? String(error)).split(/\.\s/)[0] ?? "bad arguments";
  }
}

/** A string option's value as an integer in [min, max]. */
export function intOption(values: ParsedArgs["values"], name: string, min: number, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${String(raw)}")`);
  return Number(raw);
}

/** A string option's value (absent → undefined); typed access for the values record. */
export function stringOption(values: ParsedArgs["values"], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === "string" ? raw : undefined;
}

/** A repeatable string option's values (absent → empty). */
export function listOption(values: ParsedArgs["values"], name: string): string[] {
  const raw = values[name];
  return Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
}

/** A repeatable `NAME=VALUE` option (e.g. `--auth bearerAuth=t0k`) as a record. */
export function pairsOption(values: ParsedArgs["values"], name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of listOption(values, name)) {
    const eq = text.indexOf("=");
    if (eq <= 0) throw new UsageError(`--${name} needs NAME=VALUE (got "${text}")`);
    out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return out;
}
