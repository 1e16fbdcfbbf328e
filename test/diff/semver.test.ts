import { describe, expect, it } from "vitest";
import { changelogSection, mergeChangelog } from "../../generator/diff/changelog.js";
import { buildReport } from "../../generator/diff/report.js";
import { checkVersion, requiredBump } from "../../generator/diff/semver.js";
import type { Change, ChangeLevel } from "../../generator/diff/types.js";
import { baseDoc } from "./base-doc.js";

const change = (level: ChangeLevel, kind = "x"): Change => ({ kind, level, location: "here", message: "m" });

describe("semver bump", () => {
  it.each([
    ["nothing", [], "none"],
    ["docs only", [change("docs")], "patch"],
    ["only the version moved", [change("docs", "info-version-changed")], "none"],
    ["an addition", [change("docs"), change("non-breaking")], "minor"],
    ["a breaking change", [change("non-breaking"), change("breaking")], "major"],
  ] as const)("%s", (_name, changes, want) => {
    expect(requiredBump([...changes])).toBe(want);
  });

  it.each([
    ["major required, major given", "breaking", "1.2.3", "2.0.0", true, "2.0.0"],
    ["major required, minor given", "breaking", "1.2.3", "1.3.0", false, "2.0.0"],
    ["minor required, patch given", "non-breaking", "1.2.3", "1.2.4", false, "1.3.0"],
    ["minor required, major given", "non-breaking", "1.2.3", "2.0.0", true, "1.3.0"],
    ["patch required, none given", "docs", "1.2.3", "1.2.3", false, "1.2.4"],
    ["0.x: breaking needs a minor", "breaking", "0.4.1", "0.5.0", true, "0.5.0"],
    ["downgrade never satisfies", "docs", "1.2.3", "1.2.2", false, "1.2.4"],
  ] as const)("%s", (_name, level, before, after, ok, suggested) => {
    const check = checkVersion([change(level)], before, after);
    expect(check.ok).toBe(ok);
    expect(check.suggested).toBe(suggested);
  });

  it("does not pretend to check a version that is not semver", () => {
    expect(checkVersion([change("breaking")], "2024-01-01", "2024-02-01")).toMatchObject({
      actual: "unparseable",
      ok: false,
    });
  });
});

describe("changelog", () => {
  const before = baseDoc();
  const after = structuredClone(before);
  after.info.version = "1.0.1";
  delete after.paths?.["/contacts/{id}"]?.patch;
  const report = buildReport("sample", "HEAD", before, after, [
    {
      kind: "operation-removed",
      level: "breaking",
      operation: "PATCH /contacts/{id}",
      location: "operation",
      message: "operation `updateContact` removed",
    },
    { kind: "property-removed", level: "breaking", operation: "GET /a", location: "response 200 › x", message: "gone" },
    { kind: "property-removed", level: "breaking", operation: "GET /b", location: "response 200 › x", message: "gone" },
  ]);

  it("lists breaking changes, groups repeats and flags a too-small version bump", () => {
    const section = changelogSection(report);
    expect(section.split("\n")[0]).toBe("## 1.0.1");
    expect(section).toContain("**major**");
    expect(section).toContain("WARNING the changes call for a major bump (2.0.0)");
    expect(section).toContain("- `GET /a`, `GET /b` — response 200 › x: gone");
    expect(section).toContain("### Breaking changes");
  });

  it("replaces the section of the same version and keeps older ones", () => {
    const first = mergeChangelog(undefined, "sample", "## 1.0.0\n\nfirst\n");
    const second = mergeChangelog(first, "sample", "## 1.1.0\n\nsecond\n");
    const again = mergeChangelog(second, "sample", "## 1.1.0\n\nsecond, rewritten\n");
    expect(again).toBe("# sample changelog\n\n## 1.1.0\n\nsecond, rewritten\n\n## 1.0.0\n\nfirst\n");
  });
});
