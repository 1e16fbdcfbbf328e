/**
 * Per test file CPU time (user + system, this worker and every child it waited for: tsc, tsx, Chromium, npm),
 * read from /proc/self/stat when the file starts and ends. Wall time on a shared machine says little; CPU time
 * is what the 2-core budget is made of. The summary reporter prints it beside the wall time. Linux only: where
 * /proc is missing nothing is recorded.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";
import { cpuDir } from "./cpu-setup-dir.js";

const CPU_DIR = cpuDir(process.ppid);

const TICK_MS = 10; // CLK_TCK is 100 on Linux

function cpuMs(): number | undefined {
  try {
    // Fields after the ")" that ends the command name: utime, stime, cutime, cstime are the 12th–15th.
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) * TICK_MS;
  } catch {
    return undefined;
  }
}

// The first file in a worker process also pays for the worker's start (node, vitest, tsx): count from 0 then.
const fresh = process.env.CONTACTGEN_CPU_SEEN !== "1";
process.env.CONTACTGEN_CPU_SEEN = "1";
const start = fresh ? 0 : cpuMs();
let file = "";
beforeEach(({ task }) => {
  file = task.file.filepath;
});
afterAll(() => {
  const end = cpuMs();
  if (start === undefined || end === undefined || file === "") return;
  mkdirSync(CPU_DIR, { recursive: true });
  const name = path.relative(path.resolve(import.meta.dirname, "../.."), file).replace(/[/\\]/g, "__");
  writeFileSync(path.join(CPU_DIR, `${name}.json`), JSON.stringify({ file, ms: end - start }));
});
