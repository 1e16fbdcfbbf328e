import { defineConfig } from "vitest/config";
import LongestFirst from "./test/support/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: process tests on a shared 2-core machine under load take several times their quiet duration.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // forks: the in-process CLI runner (test/support/cli.ts) switches the working folder, which threads cannot.
    pool: "forks",
    maxWorkers: 2,
    // One worker process runs many files: the generator, Redocly, TypeScript and the parsed lib files
    // (test/support/typecheck.ts) are loaded once per worker instead of once per file (about 0.7 s of CPU per
    // file). Files must therefore leave the process as they found it: restore spies, close servers, undo chdir.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // A test that reaches its end without one assertion fails: no green for code that checked nothing.
    expect: { requireAssertions: true },
    reporters: ["default", "./test/support/summary-reporter.ts"],
    setupFiles: ["./test/support/cpu-setup.ts"],
  },
});
