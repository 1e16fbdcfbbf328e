/**
 * `contactgen <argv>` run in this test process: the same `main()` bin/contactgen.mjs calls, with the working
 * folder switched to `cwd` and everything the command prints (process.stdout/stderr and console) captured.
 * A child process adds a node start plus tsx compiling the generator (about a CPU second each) and proves only
 * what the few end-to-end process tests already prove (the bin, the npm alias, signals, --watch). Runs are
 * serialised: the working folder and the captured streams belong to the process. Needs vitest's `forks` pool
 * (process.chdir is not available in worker threads).
 */
import { vi } from "vitest";
import { main } from "../../generator/cli/main.js";
import type { Finished } from "./tsx.js";

export { ROOT } from "./tsx.js";

let queue: Promise<unknown> = Promise.resolve();

export function runCli(argv: string[], cwd: string): Promise<Finished> {
  const next = queue.then(() => runNow(argv, cwd));
  queue = next.catch(() => undefined);
  return next;
}

async function runNow(argv: string[], cwd: string): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  const text = (args: unknown[]) => `${args.map(String).join(" ")}\n`;
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true)),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true)),
    vi.spyOn(console, "log").mockImplementation((...args) => void (stdout += text(args))),
    vi.spyOn(console, "info").mockImplementation((...args) => void (stdout += text(args))),
    vi.spyOn(console, "error").mockImplementation((...args) => void (stderr += text(args))),
    vi.spyOn(console, "warn").mockImplementation((...args) => void (stderr += text(args))),
  ];
  const before = process.cwd();
  const exitCode = process.exitCode;
  process.chdir(cwd);
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    process.exitCode = exitCode;
    for (const spy of spies) spy.mockRestore();
  }
}
