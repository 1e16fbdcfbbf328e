import { access } from "node:fs/promises";
import path from "node:path";
import { getLineColLocation, lint, YamlParseError, type NormalizedProblem } from "@redocly/openapi-core";
import { loadLintConfig } from "./config.js";

export { PLUGIN_ID, RULES } from "./plugin.js";

export type LintSeverity = "error" | "warn";

export interface LintProblem {
  /** Path relative to the working directory (never absolute, so output is the same on every machine). */
  file: string;
  line: number;
  column: number;
  /** Redocly's rule id, e.g. `struct`, `operation-2xx-response`, or this project's `contactgen/operation-id`. */
  ruleId: string;
  severity: LintSeverity;
  message: string;
  /** JSON pointer of the offending node, e.g. `#/paths/~1contacts/get`. */
  pointer: string;
}

export interface LintResult {
  /** Sorted by file, line, column, rule id. */
  problems: LintProblem[];
  errorCount: number;
  warningCount: number;
}

export interface LintOptions {
  /** redocly.yaml to use; defaults to the project's own. */
  configPath?: string;
}

/** Lints spec files with redocly.yaml's rules (Redocly recommended + this project's plugin). */
export async function lintSpecs(files: string[], options: LintOptions = {}): Promise<LintResult> {
  const config = await loadLintConfig(options.configPath);
  const problems: LintProblem[] = [];
  for (const file of files) {
    const absolute = path.resolve(file);
    try {
      await access(absolute);
    } catch {
      throw new Error(
        `${displayPath(absolute)}: cannot read the spec file; check the path given or generator.config.json`,
      );
    }
    let found: NormalizedProblem[];
    try {
      found = await lint({ ref: absolute, config: config.forFile(absolute) });
    } catch (error) {
      if (!(error instanceof YamlParseError)) throw error;
      problems.push(yamlProblem(absolute, error));
      continue;
    }
    for (const problem of found) {
      if (!problem.ignored) problems.push(toLintProblem(absolute, problem));
    }
  }
  problems.sort(compareProblems);
  const errorCount = problems.filter((p) => p.severity === "error").length;
  return { problems, errorCount, warningCount: problems.length - errorCount };
}

/** A file that is not YAML/JSON is one error at the parser's position, so other files still get linted. */
function yamlProblem(file: string, error: YamlParseError): LintProblem {
  const message = error.message.replace(/ in "[^"]*"/, "").replace(/ \(\d+:\d+\)$/, "");
  return {
    file: displayPath(file),
    line: Number.isFinite(error.line) ? error.line : 1,
    column: Number.isFinite(error.col) ? error.col : 1,
    ruleId: "yaml",
    severity: "error",
    message: `${message}: fix the YAML syntax here`,
    pointer: "#/",
  };
}

function toLintProblem(file: string, problem: NormalizedProblem): LintProblem {
  const first = problem.location[0];
  let line = 1;
  let column = 1;
  let source = file;
  let pointer = "#/";
  if (first) {
    source = first.source.absoluteRef;
    pointer = "pointer" in first && first.pointer ? first.pointer : pointer;
    try {
      const where = getLineColLocation(first);
      line = where.start.line;
      column = where.start.col;
    } catch {
      // A location Redocly cannot map (e.g. in a synthetic source) falls back to the top of the file.
    }
  }
  return {
    file: displayPath(source),
    line,
    column,
    ruleId: problem.ruleId,
    severity: problem.severity === "error" ? "error" : "warn",
    message: problem.message,
    pointer,
  };
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? path.basename(file)
    : relative.split(path.sep).join("/");
}

function compareProblems(a: LintProblem, b: LintProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
