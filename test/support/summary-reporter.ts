import path from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";

const SHOWN = 10;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

/**
 * After vitest's own summary: the ten slowest files and tests (where the time goes, run after run), the skipped
 * tests by name (a skip is never silent), and one plain closing line, `tests: N passed, N failed, N skipped`, so
 * tools that read a run's last line (CI among them) see the counts without parsing vitest's coloured output.
 */
export default class SummaryReporter implements Reporter {
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
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
    }
    const name = (module: TestModule) => path.relative(process.cwd(), module.moduleId);
    const files = [...testModules]
      .map((m) => ({ name: name(m), ms: m.diagnostic().collectDuration + m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const slowTests = tests
      .map((t) => ({ name: `${name(t.module)} > ${t.fullName}`, ms: t.diagnostic()?.duration ?? 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    const lines = ["", `slowest files (import + tests + hooks, wall clock):`];
    for (const f of files) lines.push(`  ${seconds(f.ms)}  ${f.name}`);
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
