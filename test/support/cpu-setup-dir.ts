import path from "node:path";

/**
 * Where test/support/cpu-setup.ts leaves one record per test file for the summary reporter: one folder per vitest
 * run, named by the pid of vitest's main process (the reporter's own pid, the workers' parent), so two runs at
 * once in one checkout do not mix.
 */
export const cpuDir = (mainPid: number) => path.resolve(import.meta.dirname, "../../.tmp/test-cpu", String(mainPid));
