import type { Change } from "./types.js";

export type Bump = "major" | "minor" | "patch" | "none";
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Breaking → major, additions and other compatible changes → minor, documentation only → patch. */
export function requiredBump(changes: Change[]): Bump {
  if (changes.some((c) => c.level === "breaking")) return "major";
  if (changes.some((c) => c.level === "non-breaking")) return "minor";
  if (changes.some((c) => c.level === "docs" && c.kind !== "info-version-changed")) return "patch";
  return "none";
}

interface Semver {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(text: string | undefined): Semver | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]+)?$/.exec((text ?? "").trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), patch: Number(match[3] ?? 0) };
}

export function actualBump(before: Semver, after: Semver): Bump | "downgrade" {
  const order = [after.major - before.major, after.minor - before.minor, after.patch - before.patch];
  const first = order.find((d) => d !== 0) ?? 0;
  if (first < 0) return "downgrade";
  if (order[0] !== 0) return "major";
  if (order[1] !== 0) return "minor";
  return order[2] !== 0 ? "patch" : "none";
}

/** Under 1.0.0 semver allows anything; by the common convention a breaking change bumps the minor, the rest the patch. */
function effectiveRequirement(required: Bump, before: Semver): Bump {
  if (before.major > 0) return required;
  if (required === "major") return "minor";
  if (required === "minor") return "patch";
  return required;
}

export function applyBump(version: Semver, bump: Bump): string {
  if (bump === "major") return `${version.major + 1}.0.0`;
  if (bump === "minor") return `${version.major}.${version.minor + 1}.0`;
  if (bump === "patch") return `${version.major}.${version.minor}.${version.patch + 1}`;
  return `${version.major}.${version.minor}.${version.patch}`;
}

export interface VersionCheck {
  before: string;
  after: string;
  /** What the changes call for (after the 0.x convention). */
  required: Bump;
  actual: Bump | "downgrade" | "unparseable";
  /** True when `info.version` was bumped at least as much as required. */
  ok: boolean;
  /** The smallest version that satisfies the requirement, from the old one. */
  suggested?: string;
}

export function checkVersion(changes: Change[], before: string, after: string): VersionCheck {
  const a = parseVersion(before);
  const b = parseVersion(after);
  if (!a || !b) return { before, after, required: requiredBump(changes), actual: "unparseable", ok: false };
  const required = effectiveRequirement(requiredBump(changes), a);
  const actual = actualBump(a, b);
  const ok = actual !== "downgrade" && RANK[actual] >= RANK[required];
  return { before, after, required, actual, ok, suggested: applyBump(a, required) };
}
