/**
 * `contactgen <command> [options]`: the one command line of the toolkit (package.json `bin`, bin/contactgen.mjs).
 * Usage errors print one line plus usage and exit 2; spec errors name the file and exit 1; no stack trace unless
 * CONTACTGEN_DEBUG is set.
 */
import { readFileSync } from "node:fs";
import { helpText, parseCommand, usageLine, UsageError } from "./args.js";
import { benchCommand } from "./bench.js";
import type { Command } from "./command.js";
import { conformanceCommand } from "./conformance.js";
import { diffCommand } from "./diff.js";
import { docsCommand, docsServeCommand } from "./docs.js";
import { generateCommand } from "./generate.js";
import { lintCommand } from "./lint.js";
import { mockCommand } from "./mock.js";
import { packCommand } from "./pack.js";

export const COMMANDS: Command[] = [
  generateCommand,
  lintCommand,
  mockCommand,
  docsCommand,
  docsServeCommand,
  diffCommand,
  conformanceCommand,
  packCommand,
  benchCommand,
];

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length));
  const rows = COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`);
  return [
    "contactgen: OpenAPI-driven code generation (typed clients, validators, mock server, docs site, change reports).",
    "",
    "usage: contactgen <command> [options]      contactgen <command> --help      contactgen --version",
    "",
    "commands:",
    ...rows,
    "",
    "Configuration: generator.config.json (schema: generator.config.schema.json); npm run <command> runs the same.",
    "",
  ].join("\n");
}

/** The command named by argv's first words (`docs serve` before `docs`) and the rest of argv. */
function pick(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(" ");
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

/** Runs one command with argv as typed after it; resolves to the process exit code and never throws. */
export async function runCommand(command: Command, argv: string[]): Promise<number> {
  try {
    const parsed = command.raw ? undefined : parseCommand(command.spec, argv);
    if (parsed === "help" || (command.raw && (argv.includes("--help") || argv.includes("-h")))) {
      process.stdout.write(helpText(command.spec));
      return 0;
    }
    return await (parsed === undefined ? command.raw!(argv) : command.run(parsed));
  } catch (error) {
    return reportError(error, command);
  }
}

function reportError(error: unknown, command?: Command): number {
  if (error instanceof UsageError) {
    process.stderr.write(`contactgen${command ? ` ${command.spec.name}` : ""}: ${error.message}\n`);
    if (error.showUsage) {
      const usage = command ? usageLine(command.spec) : "usage: contactgen <command> [options]";
      process.stderr.write(`${usage}\n(contactgen${command ? ` ${command.spec.name}` : ""} --help for details)\n`);
    }
    return 2;
  }
  const debug = process.env["CONTACTGEN_DEBUG"] !== undefined;
  const message = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`${message}\n`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? pick(argv.slice(1)) : undefined;
    process.stdout.write(topic ? helpText(topic.command.spec) : overview());
    return first === undefined ? 2 : 0;
  }
  if (first === "--version" || first === "-v") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const picked = pick(argv);
  if (!picked) {
    const known = COMMANDS.filter((c) => !c.spec.name.includes(" ")).map((c) => c.spec.name);
    return reportError(new UsageError(`unknown command "${first}" (commands: ${known.join(", ")})`));
  }
  return runCommand(picked.command, picked.rest);
}

/** Entry shims (generator/cli.ts, generator/mock/cli.ts, …) run one command by name with the process's argv. */
export async function runEntry(name: string): Promise<void> {
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) throw new Error(`no command ${name}`);
  process.exitCode = await runCommand(command, process.argv.slice(2));
}
