import type { DiffReport } from "./report.js";
import { versionLine } from "./report.js";
import type { Change, ChangeLevel } from "./types.js";

const HEADINGS: Record<ChangeLevel, string> = {
  breaking: "Breaking changes",
  "non-breaking": "Additions and compatible changes",
  docs: "Documentation",
};

/** One change text listed once with every operation it affects, so a shared schema edit reads as one line. */
function grouped(changes: Change[]): string[] {
  const groups = new Map<string, { text: string; operations: string[] }>();
  for (const c of changes) {
    const key = `${c.location}\u0000${c.message}`;
    const group = groups.get(key) ?? {
      text: c.location === "operation" ? c.message : `${c.location}: ${c.message}`,
      operations: [],
    };
    if (c.operation) group.operations.push(`\`${c.operation}\``);
    groups.set(key, group);
  }
  // Operation changes first: they are what callers look for; document-wide ones (schemas, auth) follow.
  const ordered = [...groups.values()].sort(
    (a, b) => Number(b.operations.length > 0) - Number(a.operations.length > 0),
  );
  return ordered.map((g) => `- ${g.operations.length > 0 ? `${g.operations.join(", ")} — ` : ""}${g.text}`);
}

/** A Markdown section for one release of one API, headed by the new `info.version`. */
export function changelogSection(report: DiffReport): string {
  const { version } = report;
  const lines = [`## ${version.after}`, ""];
  if (report.initial) lines.push("First version of this API description.");
  else {
    const base = report.baseCommit ? `commit ${report.baseCommit}` : report.base;
    lines.push(
      `Compared with ${version.before} (${base}): the changes call for a **${version.required}** version bump.`,
    );
    if (!version.ok) lines.push("", `> ${versionLine(version)}`);
  }
  for (const level of ["breaking", "non-breaking", "docs"] as const) {
    const changes = report.changes.filter((c) => c.level === level && c.kind !== "info-version-changed");
    if (changes.length > 0) lines.push("", `### ${HEADINGS[level]}`, "", ...grouped(changes));
  }
  const surface = (report.surface ?? []).filter((s) => s.level === "breaking");
  if (surface.length > 0) {
    lines.push("", "### Generated client", "", ...surface.map((s) => `- \`${s.member}\`: ${s.message}`));
  }
  if (report.changes.length === 0) lines.push("", "No changes.");
  return `${lines.join("\n")}\n`;
}

/** Inserts the section below the title, replacing an earlier section for the same version. */
export function mergeChangelog(existing: string | undefined, api: string, section: string): string {
  const title = `# ${api} changelog\n`;
  const body = existing?.startsWith(title) ? existing.slice(title.length) : (existing ?? "");
  const heading = section.split("\n")[0] ?? "";
  const parts = body.split(/^(?=## )/m).filter((part) => part.trim() !== "");
  const kept = parts.filter((part) => part.split("\n")[0] !== heading);
  return `${title}\n${[section, ...kept].map((p) => p.trimEnd()).join("\n\n")}\n`;
}
