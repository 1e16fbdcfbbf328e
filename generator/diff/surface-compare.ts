import type { Project, ts } from "ts-morph";
import type { SurfaceChange } from "./report.js";
import type { Member } from "./surface.js";

/** Compares two surfaces from the same program, so old and new types can be checked for assignability. */
export function compareSurfaces(
  project: Project,
  before: Map<string, Member>,
  after: Map<string, Member>,
): SurfaceChange[] {
  const checker = project.getTypeChecker().compilerObject;
  const assignable = (from: ts.Type, to: ts.Type) => checker.isTypeAssignableTo(from, to);
  const changes: SurfaceChange[] = [];
  const isReported = (path: string, set: Map<string, Member>, other: Map<string, Member>) =>
    [...ancestors(path)].some((p) => set.has(p) && !other.has(p));
  for (const [path, old] of before) {
    const current = after.get(path);
    if (!current) {
      if (!isReported(path, before, after)) changes.push({ level: "breaking", member: path, message: "removed" });
      continue;
    }
    if (old.optional !== current.optional) {
      const nowOptional = current.optional;
      const breaks = old.role === "both" || (old.role === "input" ? !nowOptional : nowOptional);
      changes.push({
        level: breaks ? "breaking" : "non-breaking",
        member: path,
        message: nowOptional ? "became optional" : "became required",
      });
    }
    if (old.text === current.text) continue;
    if (old.text.startsWith("{…}") || current.text.startsWith("{…}") || old.text === "[…]" || current.text === "[…]") {
      changes.push(shapeChange(path, old, current));
      continue;
    }
    const widens = !assignable(current.type, old.type);
    const narrows = !assignable(old.type, current.type);
    if (!widens && !narrows) continue;
    const breaks = old.role === "input" ? narrows : old.role === "output" ? widens : true;
    changes.push({
      level: breaks ? "breaking" : "non-breaking",
      member: path,
      message: `type ${old.text} → ${current.text}`,
    });
  }
  for (const [path, current] of after) {
    if (before.has(path) || isReported(path, after, before)) continue;
    const breaks = current.role !== "output" && !current.optional && !path.endsWith("()") && /[.(]/.test(path);
    changes.push({
      level: breaks ? "breaking" : "non-breaking",
      member: path,
      message: breaks ? "new required member" : "added",
    });
  }
  const rank = (c: SurfaceChange) =>
    `${c.level === "breaking" ? 0 : 1}${/^create[A-Z]/.test(c.member) ? 0 : c.member.startsWith("components.") ? 1 : /^(paths|operations)\./.test(c.member) ? 3 : 2}${c.member}`;
  // The client's own methods first, then named schema types, then the raw `paths`/`operations` maps.
  return changes.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/** An expanded member whose kind or nullability changed; its own members are compared one by one. */
function shapeChange(path: string, old: Member, current: Member): SurfaceChange {
  const gainedNull = !old.text.endsWith("| null") && current.text.endsWith("| null");
  const lostNull = old.text.endsWith("| null") && !current.text.endsWith("| null");
  const message = `type ${old.text} → ${current.text}`;
  if (gainedNull) return { level: old.role === "input" ? "non-breaking" : "breaking", member: path, message };
  if (lostNull) return { level: old.role === "output" ? "non-breaking" : "breaking", member: path, message };
  return { level: "breaking", member: path, message };
}

/** `…email?: string…` → `…email_address?: string…`: the differing middle of two long type texts. */
export function delta(a: string, b: string, context = 24): string {
  if (a.length + b.length < 120) return `${a} → ${b}`;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const from = Math.max(0, start - context);
  const cut = (text: string) =>
    `${from > 0 ? "…" : ""}${text.slice(from, text.length - end + context)}${end > context ? "…" : ""}`;
  return `${cut(a)} → ${cut(b)}`;
}

function* ancestors(path: string): Generator<string> {
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] === "." || path[i] === "(") yield path.slice(0, i);
  }
}
