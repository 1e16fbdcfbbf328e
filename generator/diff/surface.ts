import { Node, ts, type Project, type SourceFile, type Type } from "ts-morph";
import type { SurfaceChange } from "./report.js";

/** Which way a member's values flow for the caller: passed in, read back, or both (shared component types). */
type Role = "input" | "output" | "both";

interface Member {
  text: string;
  optional: boolean;
  role: Role;
  type: ts.Type;
}

const MAX_DEPTH = 12;
/** Exports that repeat what `paths` and `components` already show: only their keys (operation and schema names). */
const SHALLOW = new Set(["operations", "schemaValidators", "operationValidators"]);
const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * The exported surface of a generated client's `index.ts`, flattened to `member path → type`: objects are
 * expanded property by property (so a renamed schema property shows as one member gone and one added), callables
 * become their parameters and return type.
 */
export function extractSurface(index: SourceFile): Map<string, Member> {
  const out = new Map<string, Member>();
  for (const [name, declarations] of [...index.getExportedDeclarations()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const declaration = declarations[0];
    if (!declaration) continue;
    if (Node.isTypeAliasDeclaration(declaration) && declaration.getTypeParameters().length > 0) {
      // A generic alias has no single shape to expand; its definition is what callers depend on.
      const text = declaration.getTypeNode()?.getText() ?? declaration.getType().getText(index, FLAGS);
      out.set(name, { text, optional: false, role: "both", type: declaration.getType().compilerType });
      continue;
    }
    const type = declaration.getType();
    if (SHALLOW.has(name)) {
      out.set(name, { text: "{…}", optional: false, role: "both", type: type.compilerType });
      for (const prop of type.getProperties()) {
        out.set(`${name}.${prop.getName()}`, {
          text: "…",
          optional: prop.isOptional(),
          role: "both",
          type: type.compilerType,
        });
      }
      continue;
    }
    walk(out, name, type, index, false, "both", 0, new Set());
  }
  return out;
}

function record(
  out: Map<string, Member>,
  path: string,
  type: Type,
  at: SourceFile,
  optional: boolean,
  role: Role,
): void {
  out.set(path, { text: printable(type.getText(at, FLAGS)), optional, role, type: type.compilerType });
}

/** Types from the runtime print as `import("…/old/pylon/runtime/types.js").X`; the location is not the surface. */
function printable(text: string): string {
  return text.replace(/import\("[^"]*"\)\./g, "");
}

/** `paths[...].requestBody` and parameters are sent, `responses` are read; elsewhere the role is inherited. */
function roleOf(segment: string, inherited: Role): Role {
  if (segment === "requestBody" || segment === "parameters") return "input";
  if (segment === "responses") return "output";
  return inherited;
}

function walk(
  out: Map<string, Member>,
  path: string,
  type: Type,
  at: SourceFile,
  optional: boolean,
  role: Role,
  depth: number,
  seen: Set<ts.Type>,
): void {
  const signatures = type.getCallSignatures();
  if (signatures.length > 0) {
    const signature = signatures[0]!;
    out.set(path, { text: "function", optional, role, type: type.compilerType });
    signature.getParameters().forEach((param, i) => {
      const decl = param.getValueDeclaration();
      const paramType = decl ? param.getTypeAtLocation(decl) : undefined;
      if (!paramType) return;
      const isOptional = Node.isParameterDeclaration(decl) ? decl.isOptional() : false;
      walk(out, `${path}(#${i + 1} ${param.getName()})`, paramType, at, isOptional, "input", depth + 1, seen);
    });
    // A factory's result (the client object) is expanded; a method's result (`Promise<Outcome<C, …>>`) is the
    // response shape, already expanded under `paths` and `components`, so it is not printed again per method.
    const result = signature.getReturnType();
    if (isPlainObject(result)) walk(out, `${path}()`, result, at, false, "output", depth + 1, seen);
    return;
  }
  if (type.isArray()) {
    out.set(path, { text: "[…]", optional, role, type: type.compilerType });
    const element = type.getArrayElementType();
    if (element) walk(out, `${path}[]`, element, at, false, role, depth + 1, seen);
    return;
  }
  // `Contact | undefined` (an optional member) and `Contact | null` expand as Contact; nullability stays in the text.
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  const core = parts.filter((t) => !t.isNull() && !t.isUndefined());
  const object = core.length === 1 ? core[0]! : undefined;
  const expandable = object && isPlainObject(object) && depth < MAX_DEPTH && !seen.has(object.compilerType);
  if (!object || !expandable) return record(out, path, type, at, optional, role);
  const text = parts.some((t) => t.isNull()) ? "{…} | null" : "{…}";
  out.set(path, { text, optional, role, type: type.compilerType });
  const nested = new Set(seen).add(object.compilerType);
  for (const prop of object.getProperties()) {
    const name = prop.getName();
    if (name.startsWith("__@")) continue;
    const decl = prop.getValueDeclaration() ?? prop.getDeclarations()[0];
    const propType = decl ? prop.getTypeAtLocation(decl) : prop.getDeclaredType();
    walk(out, `${path}.${name}`, propType, at, prop.isOptional(), roleOf(name, role), depth + 1, nested);
  }
}

function isPlainObject(type: Type): boolean {
  if (type.isIntersection()) return type.getIntersectionTypes().every((t) => t.isObject() && isPlainObject(t));
  if (!type.isObject() || type.isArray() || type.isTuple()) return false;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  // Library types (AbortSignal, Promise, Date, …) are not the client's surface: they print as their name.
  const declaration = (type.getSymbol() ?? type.getAliasSymbol())?.getDeclarations()[0];
  return !declaration?.getSourceFile().isDeclarationFile();
}

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
