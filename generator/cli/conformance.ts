/**
 * `contactgen conformance <api> | --spec FILE [--server URL] …`: contract tests of a server against the document
 * (generator/conformance, docs/conformance.md). It keeps its own option parser and usage (exit 2 on bad input).
 */
import type { Command } from "./command.js";

export const conformanceCommand: Command = {
  spec: {
    name: "conformance",
    summary:
      "Contract-test a server (or the mock) against the document: responses, negative, auth, lifecycle, pagination.",
    usage: ["<api> [--server URL] [options]", "--spec FILE [--server URL] [options]"],
    positionals: { min: 0, max: 1 },
    options: {},
  },
  run: () => Promise.reject(new Error("conformance parses its own arguments")),
  async raw(argv) {
    const { runConformance } = await import("../conformance/run.js");
    return runConformance(argv);
  },
};
