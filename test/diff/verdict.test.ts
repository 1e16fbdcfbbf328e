import { describe, expect, it } from "vitest";
import { formatReport, isBreaking, type DiffReport, type SurfaceChange } from "../../generator/diff/report.js";

function report(
  breakingSpecChanges: number,
  surface: SurfaceChange[],
  callSites?: DiffReport["callSites"],
): DiffReport {
  return {
    api: "pylon",
    base: "HEAD",
    summary: { breaking: breakingSpecChanges, nonBreaking: 0, docs: 0 },
    version: { before: "1.0.0", after: "1.0.0", required: "none", actual: "none", ok: true, suggested: "1.0.0" },
    changes: [],
    surface,
    callSites,
  } as DiffReport;
}

const typeAlias: SurfaceChange = {
  level: "breaking",
  member: "components.schemas.PortalRole",
  message: "type widened",
};
const clientMember: SurfaceChange = {
  level: "breaking",
  member: "createPylonClient().contacts.get(#1 id)",
  message: "parameter removed",
};

describe("diff verdict", () => {
  it.each([
    ["nothing changed", report(0, []), false],
    ["a breaking wire change", report(1, []), true],
    ["a client member breaks", report(0, [clientMember]), true],
    ["only an exported type alias changed both-ways-incompatibly", report(0, [typeAlias]), false],
    [
      "an exported type alias changed and --project found a broken call site",
      report(0, [typeAlias], [{ file: "a.ts", line: 1, column: 1, code: 2322, message: "x" }]),
      true,
    ],
  ] as const)("%s → breaking: %s", (_name, given, want) => expect(isBreaking(given)).toBe(want));

  it("tells the user when only exported types changed, and how to check their own code", () => {
    expect(formatReport(report(0, [typeAlias]))).toMatch(
      /1 exported type\(s\) changed incompatibly.*--project <dir>\.\nResult: not breaking/s,
    );
  });
});
