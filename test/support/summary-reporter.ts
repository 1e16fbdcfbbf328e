import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import { cpuDir } from "./cpu-setup-dir.js";

const CPU_DIR = cpuDir(process.pid);

const SHOWN = 10;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

/**
 * After vitest's own summary: the ten slowest files and tests (where the time goes, run after run), the skipped
 * tests by name (a skip is never silent), and one plain closing line, `tests: N passed, N failed, N skipped`, so
 * tools that read a run's last line (CI among them) see the counts without parsing vitest's coloured output.
 */
export default class SummaryReporter implements Reporter {
  onInit(): void {
    rmSync(CPU_DIR, { recursive: true, force: true });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: TestCase[] = [];
    const tests: TestCase[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        tests.push(test);
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped.push(test);
      }
      // A file that failed outside its tests (import, hook) counts once, even when its tests show as skipped.
      const failedTests = [...module.children.allTests()].filter((t) => t.result().state === "failed").length;
      if (module.state() === "failed" && failedTests === 0) failed++;
    }
    const name = (module: TestModule) => path.relative(process.cwd(), module.moduleId);
    const cpu = cpuByFile();
    rmSync(CPU_DIR, { recursive: true, force: true });
    const all = [...testModules].map((m) => ({
      name: name(m),
      ms: m.diagnostic().collectDuration + m.diagnostic().duration,
      cpu: cpu.get(m.moduleId),
    }));
    const files = [...all].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    const slowTests = tests
      .map((t) => ({ name: `${name(t.module)} > ${t.fullName}`, ms: t.diagnostic()?.duration ?? 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const cpuTotal = all.reduce((sum, f) => sum + (f.cpu ?? 0), 0);
    // Every file's times (CPU s, wall s, file) in .tmp/test-times.tsv, for comparing runs (the console shows ten).
    writeFileSync(
      path.join(CPU_DIR, "..", "..", "test-times.tsv"),
      [...all]
        .sort((a, b) => (b.cpu ?? 0) - (a.cpu ?? 0))
        .map((f) => `${((f.cpu ?? 0) / 1000).toFixed(1)}\t${(f.ms / 1000).toFixed(1)}\t${f.name}\n`)
        .join(""),
    );
    const lines = ["", `slowest files (wall clock: import + tests + hooks; CPU: user + system incl. child processes):`];
    for (const f of files)
      lines.push(`  ${seconds(f.ms)}  ${f.cpu === undefined ? "" : `${seconds(f.cpu)} CPU  `}${f.name}`);
    if (cpuTotal > 0) {
      // vitest's own process (collecting, transforming sources for the workers, reporting) is no file's: shown apart.
      const own = process.cpuUsage();
      lines.push(
        `most CPU (all files: ${seconds(cpuTotal).trim()} CPU; vitest's own process: ${seconds((own.user + own.system) / 1000).trim()} CPU):`,
      );
      for (const f of [...all].sort((a, b) => (b.cpu ?? 0) - (a.cpu ?? 0)).slice(0, SHOWN))
        lines.push(`  ${seconds(f.cpu ?? 0)} CPU  ${f.name}`);
    }
    lines.push("slowest tests:");
    for (const t of slowTests) lines.push(`  ${seconds(t.ms)}  ${t.name}`);
    if (skipped.length > 0) {
      lines.push(`skipped (${skipped.length}; the reason is printed where the file starts):`);
      for (const t of skipped.slice(0, 20)) lines.push(`  ${name(t.module)} > ${t.fullName}`);
      if (skipped.length > 20) lines.push(`  … and ${skipped.length - 20} more`);
    }
    lines.push("", `tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

/** The CPU times test/support/cpu-setup.ts recorded for this run, by absolute file path. */
function cpuByFile(): Map<string, number> {
  const out = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(CPU_DIR);
  } catch {
    return out;
  }
  for (const n of names.filter((n) => n.endsWith(".json"))) {
    const { file, ms } = JSON.parse(readFileSync(path.join(CPU_DIR, n), "utf8")) as { file: string; ms: number };
    out.set(file, ms);
  }
  return out;
}
