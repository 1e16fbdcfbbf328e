import type { LintProblem, LintResult } from "./index.js";

/** One line per problem: `file:line:column  rule  message` (warnings say so, errors are the default). */
export function formatProblem(problem: LintProblem): string {
  const severity = problem.severity === "warn" ? "warning: " : "";
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.ruleId}  ${severity}${problem.message}`;
}

export function formatSummary(result: LintResult, fileCount: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(result.errorCount, "error")}, ${plural(result.warningCount, "warning")} in ${plural(fileCount, "file")}`;
}
