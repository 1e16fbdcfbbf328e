import type { CommandSpec, ParsedArgs } from "./args.js";

/** One `contactgen` subcommand: its option table (parsing and help) and what it does; resolves to the exit code. */
export interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs): Promise<number>;
  /** A command with its own parser gets argv as typed (conformance); `run` is then not used. */
  raw?(argv: string[]): Promise<number>;
}

export const CONFIG_OPTION = {
  type: "string",
  value: "FILE",
  default: "generator.config.json",
  help: "the contactgen config; its relative paths are resolved against its folder",
} as const;

export const FORCE_OPTION = {
  type: "boolean",
  help: "write into a non-empty folder that has no contactgen manifest (its other files are kept)",
} as const;
