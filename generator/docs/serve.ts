/** Entry kept for `tsx generator/docs/serve.ts`: `contactgen docs serve`. */
import { parseCommand } from "../cli/args.js";
import { docsServeCommand, serveOptions, type ServeOptions } from "../cli/docs.js";
import { runEntry } from "../cli/main.js";

/** The options `contactgen docs serve` takes from argv (kept for tests that check the parse). */
export function parseServeArgs(argv: string[]): ServeOptions {
  const parsed = parseCommand(docsServeCommand.spec, argv);
  if (parsed === "help") throw new Error("--help is not an option value");
  return serveOptions(parsed);
}

if (process.argv[1]?.endsWith("serve.ts")) await runEntry("docs serve");
