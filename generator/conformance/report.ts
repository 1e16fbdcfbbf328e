/** The run's findings as text (failures, then the summary line), as JSON, and as JUnit XML for CI. */
import type { Failure, Result } from "./types.js";

export function summaryLine(result: Result): string {
  const passed = result.operations.filter((o) => !o.failed).length;
  return `conformance: ${passed}/${result.operations.length} operations, ${result.seenStatuses}/${result.documentedStatuses} documented statuses seen, ${result.failures.length} failures`;
}

export function failureText(failure: Failure): string {
  const lines = [`FAIL ${failure.operation}  ${failure.check}  (seed ${failure.seed})`, `  ${failure.message}`];
  if (failure.input) lines.push(`  input: ${JSON.stringify(failure.input, dropEmpty)}`);
  lines.push(...failure.curl.map((c) => `  ${c}`));
  if (failure.similar) lines.push(`  (${failure.similar} more like it for this operation)`);
  return lines.join("\n");
}

function dropEmpty(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return undefined;
  return value;
}

export function textReport(result: Result): string {
  const out = result.failures.map(failureText);
  const skipped = result.operations.flatMap((o) => o.skipped.map((s) => `  ${o.id} ${s.check}: ${s.reason}`));
  if (skipped.length > 0) out.push(`not applicable:\n${skipped.join("\n")}`);
  if (result.stoppedBy) out.push(`stopped early: ${result.stoppedBy} (${result.requests} requests sent)`);
  out.push(`${summaryLine(result)} (${result.requests} requests, seed ${result.seed})`);
  return `${out.join("\n\n")}\n`;
}

export function jsonReport(result: Result): string {
  return `${JSON.stringify({ summary: summaryLine(result), ...result }, null, 2)}\n`;
}

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "");
}

/** One test case per operation and check that ran; a failure element per finding. */
export function junitReport(result: Result, name: string): string {
  const cases: string[] = [];
  let failures = 0;
  for (const op of result.operations) {
    for (const check of op.ran) {
      const found = result.failures.filter((f) => f.operation === op.id && f.check === check);
      failures += found.length > 0 ? 1 : 0;
      const body = found
        .map((f) => `      <failure message="${xml(f.message)}">${xml(failureText(f))}</failure>\n`)
        .join("");
      cases.push(
        `    <testcase classname="${xml(`${name}.${op.id}`)}" name="${check}"${body ? `>\n${body}    </testcase>` : " />"}`,
      );
    }
    for (const skip of op.skipped)
      cases.push(
        `    <testcase classname="${xml(`${name}.${op.id}`)}" name="${skip.check}">\n      <skipped message="${xml(skip.reason)}" />\n    </testcase>`,
      );
  }
  // Failures of checks not tied to a listed operation's ran list still count.
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conformance" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
