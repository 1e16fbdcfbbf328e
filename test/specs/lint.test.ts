import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintSpecs, PLUGIN_ID, RULES } from "../../generator/lint/index.js";
import { formatProblem } from "../../generator/lint/format.js";
import { SPECS } from "./spec-files.js";

const FIXTURES = "test/fixtures/lint";

/** What each fixture is built to trip: [rule, how many findings of that rule]. */
const EXPECTED: Record<string, number> = {
  "example-valid": 4,
  "no-unused-components": 3,
  "operation-error-response": 1,
  "operation-id": 3,
  "operation-success-response": 1,
  "request-string-bounded": 4,
};

describe("lint on the five specs", () => {
  it("reports no problem at all (errors or warnings)", async () => {
    const result = await lintSpecs(SPECS.map((s) => s.spec));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.errorCount).toBe(0);
  });
});

describe("each custom rule fails its fixture", () => {
  it("has one fixture per rule and one rule per fixture", () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => path.basename(f, ".yaml"))
      .sort();
    expect(fixtures).toEqual(Object.keys(RULES).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", async (rule, count) => {
    const file = `${FIXTURES}/${rule}.yaml`;
    const result = await lintSpecs([file]);
    const ruleId = `${PLUGIN_ID}/${rule}`;
    const own = result.problems.filter((p) => p.ruleId === ruleId);
    expect(own).toHaveLength(count);
    expect(own.every((p) => p.severity === "error" && p.file === file && p.line > 1)).toBe(true);
    // No other custom rule fires, so each fixture proves exactly its own rule.
    const others = result.problems.filter((p) => p.ruleId.startsWith(`${PLUGIN_ID}/`) && p.ruleId !== ruleId);
    expect(others.map(formatProblem)).toEqual([]);
  });
});

describe("lintSpecs input errors", () => {
  it("names a missing file and says what to do", async () => {
    await expect(lintSpecs(["specs/nope/openapi.yaml"])).rejects.toThrow(/specs\/nope\/openapi\.yaml: cannot read/);
  });

  it("reports broken YAML as one error at its position and still lints the other files", async () => {
    const broken = path.join(mkdtempSync(path.join(tmpdir(), "lint-")), "broken.yaml");
    writeFileSync(broken, "openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\n");
    const result = await lintSpecs([broken, "test/fixtures/lint/operation-success-response.yaml"]);
    const yaml = result.problems.filter((p) => p.ruleId === "yaml");
    expect(yaml.map((p) => [p.file, p.line, p.column, p.severity])).toEqual([["broken.yaml", 4, 11, "error"]]);
    expect(result.problems.some((p) => p.ruleId === "contactgen/operation-success-response")).toBe(true);
  });
});
