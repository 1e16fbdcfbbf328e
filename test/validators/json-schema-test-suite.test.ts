import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Validator } from "../../generator/runtime/validation.js";
import { binGroups, generateBin, loadGroups, loadRemotes, type SuiteGroup, type SuiteTest } from "./suite.js";
import { SKIPPED } from "./suite-skips.js";

const OUT = path.resolve(import.meta.dirname, "../../.tmp/json-schema-test-suite");

interface Outcome {
  group: SuiteGroup;
  failed: Array<{ test: string; reason: string }>;
  skipped?: string;
}

function skipReason(group: SuiteGroup): string | undefined {
  return SKIPPED[group.file] ?? SKIPPED[group.id];
}

describe("JSON-Schema-Test-Suite (draft 2020-12) through generated validators", () => {
  const outcomes: Outcome[] = [];
  let passed = 0;
  let total = 0;
  let skippedTests = 0;
  const staleSkips: string[] = [];
  const binNames: string[] = [];

  beforeAll(async () => {
    const all = loadGroups();
    const remotes = loadRemotes();
    const groups = all.filter((g) => !skipReason(g));
    for (const [i, group] of all.filter((g) => skipReason(g)).entries()) {
      outcomes.push({ group, failed: [], skipped: skipReason(group) });
      skippedTests += group.tests.length;
      // A skip must stay necessary: a listed group that now passes completely is reported as stale.
      try {
        const validators = await generateBin({ groups: [group], assertFormats: true }, `skipped-${i}`, remotes, OUT);
        const validator = validators[group.component];
        const passes = (t: SuiteTest) =>
          validator?.is(t.data) === t.valid && (validator.validate(t.data).length === 0) === t.valid;
        if (validator && group.tests.every(passes)) staleSkips.push(group.id);
      } catch {
        // Still fails to generate: the skip holds.
      }
    }
    const bins = binGroups(groups, remotes);
    for (const [index, bin] of bins.entries()) {
      let validators: Record<string, Validator> | undefined;
      const generationErrors = new Map<string, string>();
      try {
        validators = await generateBin(bin, index, remotes, OUT);
        binNames.push(`bin${index}`);
      } catch {
        // One bad schema stops the whole document: generate group by group to pin the failures down.
        validators = {};
        for (const [i, group] of bin.groups.entries()) {
          try {
            Object.assign(validators, await generateBin({ ...bin, groups: [group] }, `${index}-${i}`, remotes, OUT));
          } catch (error) {
            generationErrors.set(group.component, (error as Error).message.split("\n")[0] ?? "");
          }
        }
      }
      for (const group of bin.groups) {
        const generationError = generationErrors.get(group.component);
        const outcome: Outcome = { group, failed: [] };
        outcomes.push(outcome);
        for (const test of group.tests) {
          total++;
          const validator = validators?.[group.component];
          if (!validator) {
            outcome.failed.push({ test: test.description, reason: generationError || "no validator generated" });
            continue;
          }
          const issues = validator.validate(test.data);
          const guard = validator.is(test.data);
          const ok = (issues.length === 0) === test.valid && guard === test.valid;
          if (ok) passed++;
          else {
            const got = `validate: ${issues.length === 0 ? "valid" : issues[0]?.message}, is: ${String(guard)}`;
            outcome.failed.push({
              test: test.description,
              reason: `expected ${test.valid ? "valid" : "invalid"}; ${got}`,
            });
          }
        }
      }
    }
    const rate = total === 0 ? 0 : (100 * passed) / total;
    const lines = [`json-schema-test-suite: ${passed}/${total} passed (${rate.toFixed(1)}%), ${skippedTests} skipped`];
    for (const o of outcomes) {
      if (o.skipped) lines.push(`  skipped ${o.group.id} "${o.group.description}": ${o.skipped}`);
      for (const f of o.failed)
        lines.push(`  FAILED ${o.group.id} "${o.group.description}" / "${f.test}": ${f.reason}`);
    }
    console.log(lines.join("\n"));
  }, 120_000);

  it("runs every group of the suite", () => {
    expect(outcomes.length).toBeGreaterThan(380);
    expect(total).toBeGreaterThan(1300);
  });

  it("passes every required (non-optional) test that is not listed as skipped", () => {
    const failures = outcomes
      .filter((o) => !o.group.optional)
      .flatMap((o) => o.failed.map((f) => `${o.group.id} ${o.group.description} / ${f.test}: ${f.reason}`));
    expect(failures).toEqual([]);
  });

  it("generates modules that type-check under the project's strict tsconfig", () => {
    // The suite's schemas exercise every keyword's code shape, so this covers what real specs can produce.
    const bins = binNames;
    expect(bins.length).toBeGreaterThan(0);
    const tsconfig = path.join(OUT, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({ extends: "../../tsconfig.json", include: bins.map((b) => `${b}/**/*.ts`), exclude: [] }),
    );
    const tsc = path.resolve(import.meta.dirname, "../../node_modules/typescript/bin/tsc");
    let output = "";
    try {
      execFileSync(process.execPath, [tsc, "-p", tsconfig, "--noEmit"], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, 120_000);

  it("lists only groups that still fail as skipped", () => {
    expect(staleSkips).toEqual([]);
  });

  it("passes the optional format tests (email, date-time, uuid, uri, ipv4) with formats asserted", () => {
    const failures = outcomes
      .filter((o) => o.group.optional)
      .flatMap((o) => o.failed.map((f) => `${o.group.id} / ${f.test}: ${f.reason}`));
    expect(failures).toEqual([]);
  });
});
