import { Node, ts, type SourceFile, type Type } from "ts-morph";

/** Which way a member's values flow for the caller: passed in, read back, or both (shared component types). */
export type Role = "input" | "output" | "both";

export interface Member {
  text: string;
  optional: boolean;
  role: Role;
  type: ts.Type;
}

const MAX_DEPTH = 12;
/** Expansion stops here so a very large API (thousands of operations) still compares in bounded time; the rest
 * of the surface is then compared by printed type only. */
const MAX_MEMBERS = 50_000;
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
  const expandable =
    object && isPlainObject(object) && depth < MAX_DEPTH && out.size < MAX_MEMBERS && !seen.has(object.compilerType);
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
