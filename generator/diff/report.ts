import { checkVersion, type VersionCheck } from "./semver.js";
import type { Change } from "./types.js";
import type { OpenApiDocument } from "../load/openapi-types.js";

/** A place in the caller's code that no longer compiles against the new client. */
export interface CallSite {
  /** Relative to the project directory, posix separators. */
  file: string;
  line: number;
  column: number;
  /** TypeScript's error code (2339: property does not exist, …). */
  code: number;
  message: string;
}

/** A difference in the generated client's exported TypeScript. */
export interface SurfaceChange {
  level: "breaking" | "non-breaking";
  /** `createPylonClient().contacts.update(body).email`, `components.schemas.Contact.email`. */
  member: string;
  message: string;
}

export interface DiffReport {
  api: string;
  /** The ref as given (`HEAD`) and the commit it named. */
  base: string;
  baseCommit?: string;
  /** True when the spec did not exist at the base: everything is an addition. */
  initial?: boolean;
  summary: { breaking: number; nonBreaking: number; docs: number };
  version: VersionCheck;
  changes: Change[];
  surface?: SurfaceChange[];
  callSites?: CallSite[];
}

export function buildReport(
  api: string,
  base: string,
  oldDoc: OpenApiDocument,
  newDoc: OpenApiDocument,
  changes: Change[],
): DiffReport {
  const count = (level: Change["level"]) => changes.filter((c) => c.level === level).length;
  return {
    api,
    base,
    summary: { breaking: count("breaking"), nonBreaking: count("non-breaking"), docs: count("docs") },
    version: checkVersion(changes, oldDoc.info?.version ?? "", newDoc.info?.version ?? ""),
    changes,
  };
}

/**
 * Exported type aliases (`components.*`, `paths.*`, `operations.*`, `webhooks.*`) are judged both ways, so any
 * change to them is "breaking" for some conceivable caller (a new request enum value breaks an exhaustive
 * `Record<PortalRole, …>`). Whether it breaks *this* user's code is what `--project` answers; without it, they
 * inform but do not decide the verdict, which rests on the wire, the client's members and real call sites.
 */
export function isTypeAliasMember(member: string): boolean {
  return /^(components|paths|operations|webhooks)\./.test(member);
}

export function isBreaking(report: DiffReport): boolean {
  return (
    report.summary.breaking > 0 ||
    (report.surface ?? []).some((s) => s.level === "breaking" && !isTypeAliasMember(s.member)) ||
    (report.callSites ?? []).length > 0
  );
}

const SURFACE_ROWS = 40;

function table(header: string[], rows: string[][], maxWidth = 60): string {
  const widths = header.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function formatReport(report: DiffReport): string {
  const out: string[] = [`${report.api}: ${report.base} → working tree`];
  if (report.changes.length === 0) out.push("", "No changes to the API description.");
  else {
    const rows = report.changes.map((c) => [
      c.level,
      c.operation ?? "(document)",
      c.location,
      `${c.message} [${c.kind}]`,
    ]);
    out.push("", table(["LEVEL", "OPERATION", "WHERE", "CHANGE"], rows));
  }
  if (report.surface && report.surface.length > 0) {
    const shown = report.surface.slice(0, SURFACE_ROWS);
    out.push("", "Generated client surface (TypeScript):", "");
    out.push(
      table(
        ["LEVEL", "MEMBER", "CHANGE"],
        shown.map((s) => [s.level, s.member, s.message]),
        80,
      ),
    );
    const rest = report.surface.length - shown.length;
    if (rest > 0) out.push(`… and ${rest} more surface change(s) (see --json)`);
  }
  if (report.callSites) {
    out.push("", report.callSites.length === 0 ? "No call sites break in the project." : "Call sites that break:");
    for (const site of report.callSites) {
      const message = site.message.length > 160 ? `${site.message.slice(0, 159)}…` : site.message;
      out.push(`  ${site.file}:${site.line}:${site.column}  ${message}`);
    }
  }
  const { breaking, nonBreaking, docs } = report.summary;
  out.push("", `${breaking} breaking, ${nonBreaking} non-breaking, ${docs} documentation change(s).`);
  out.push(versionLine(report.version));
  const typeOnly = (report.surface ?? []).filter((s) => s.level === "breaking" && isTypeAliasMember(s.member));
  if (typeOnly.length > 0 && !report.callSites && !isBreaking(report)) {
    out.push(
      `Note: ${typeOnly.length} exported type(s) changed incompatibly; code that names them (exhaustive maps, explicit annotations) may stop compiling — check yours with --project <dir>.`,
    );
  }
  out.push(isBreaking(report) ? "Result: breaking" : "Result: not breaking");
  return `${out.join("\n")}\n`;
}

export function versionLine(v: VersionCheck): string {
  const head = `info.version ${v.before} → ${v.after}`;
  if (v.actual === "unparseable")
    return `${head}: not semver, cannot check the ${v.required} bump the changes call for.`;
  if (v.ok) return `${head}: ${v.required === "none" ? "no bump needed" : `${v.required} bump required, ok`}.`;
  return `${head}: WARNING the changes call for a ${v.required} bump (${v.suggested}), the spec has ${v.actual === "none" ? "no bump" : `a ${v.actual}`}.`;
}
