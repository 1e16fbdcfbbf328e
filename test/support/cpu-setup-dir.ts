import path from "node:path";

/** Where test/support/cpu-setup.ts leaves one record per test file for the summary reporter. */
export const CPU_DIR = path.resolve(import.meta.dirname, "../../.tmp/test-cpu");
