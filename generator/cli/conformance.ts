/**
 * `contactgen conformance <api> | --spec FILE [--server URL] …`: contract tests of a server against the document
 * (generator/conformance, docs/conformance.md). Its help comes from its option table (conformance/command-spec.ts);
 * the values are read by generator/conformance/args.ts (repeatable SCHEME=VALUE and header pairs, integer bounds),
 * whose complaints become the usual one line plus usage, exit 2.
 */
import { UsageError } from "./args.js";
import type { Command } from "./command.js";
import { CONFORMANCE_SPEC } from "../conformance/command-spec.js";

export const conformanceCommand: Command = {
  spec: CONFORMANCE_SPEC,
  run: () => Promise.reject(new Error("conformance parses its own arguments")),
  async raw(argv) {
    const args = await import("../conformance/args.js");
    try {
      args.parseArgs(argv);
    } catch (error) {
      if (error instanceof args.UsageError) throw new UsageError(error.message);
      throw error;
    }
    const { runConformance } = await import("../conformance/run.js");
    return runConformance(argv);
  },
};
