/**
 * A tiny type-expression tree and its printer. The tree (not plain strings) is kept because openapi-typescript's
 * semantics depend on node kinds — which unions count as "primitive", which items are already arrays — and the
 * printer needs nesting depth for indentation. Output follows the TypeScript printer's layout and parentheses.
 */

export type Keyword = "string" | "number" | "boolean" | "unknown" | "never" | "null" | "undefined";

export type TypeNode =
  | { kind: "keyword"; name: Keyword }
  /** Printed verbatim: a string/number/boolean literal or an indexed access built from safe pieces. */
  | { kind: "text"; text: string }
  | { kind: "generic"; name: string; args: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | { kind: "tuple"; elements: TypeNode[] }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "object"; members: Member[] };

export interface Member {
  /** Doc comment lines, already escaped (see comments.ts). */
  doc: string[];
  /** A printed key (see keys.ts), or an index signature's parameter name. */
  key: string;
  index?: boolean;
  optional: boolean;
  type: TypeNode;
}

const keyword = (name: Keyword): TypeNode => ({ kind: "keyword", name });
// Singletons: openapi-typescript compares `unknown` by identity (a nullable schema that resolves to it stays unknown).
export const STRING = keyword("string");
export const NUMBER = keyword("number");
export const BOOLEAN = keyword("boolean");
export const UNKNOWN = keyword("unknown");
export const NEVER = keyword("never");
export const NULL = keyword("null");

export const text = (value: string): TypeNode => ({ kind: "text", text: value });
export const generic = (name: string, args: TypeNode[]): TypeNode => ({ kind: "generic", name, args });
export const objectType = (members: Member[]): TypeNode => ({ kind: "object", members });
export const record = (key: TypeNode, value: TypeNode): TypeNode => generic("Record", [key, value]);

const PRIMITIVE = new Set<Keyword>(["boolean", "never", "null", "number", "string", "undefined"]);

/** openapi-typescript's tsIsPrimitive: keywords and null only (string/number literals do not count). */
export function isPrimitive(node: TypeNode): boolean {
  return node.kind === "keyword" && PRIMITIVE.has(node.name);
}

/** Drops repeated primitive keywords (openapi-typescript's tsDedupe). */
function dedupe(types: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    if (!isPrimitive(t) || t.kind !== "keyword") return true;
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return true;
  });
}

export function union(types: TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TypeNode;
  return { kind: "union", types: dedupe(types) };
}

export function intersection(types: TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TypeNode;
  return { kind: "intersection", types: dedupe(types) };
}

/** `T | null` without collapsing (openapi-typescript's tsNullable). */
export const nullable = (node: TypeNode): TypeNode => ({ kind: "union", types: [node, NULL] });

const INDENT = "    ";

function inner(node: TypeNode, indent: string, out: string[], wrap: boolean): void {
  if (wrap && (node.kind === "union" || node.kind === "intersection")) {
    out.push("(");
    print(node, indent, out);
    out.push(")");
  } else print(node, indent, out);
}

function join(types: TypeNode[], separator: string, indent: string, out: string[], wrapAll: boolean): void {
  types.forEach((t, i) => {
    if (i > 0) out.push(separator);
    inner(t, indent, out, wrapAll);
  });
}

/** Appends the printed type to `out`; `indent` is the indentation of the line the type starts on. */
export function print(node: TypeNode, indent: string, out: string[]): void {
  switch (node.kind) {
    case "keyword":
      out.push(node.name);
      return;
    case "text":
      out.push(node.text);
      return;
    case "generic":
      out.push(node.name, "<");
      join(node.args, ", ", indent, out, false);
      out.push(">");
      return;
    case "array":
      inner(node.element, indent, out, true);
      out.push("[]");
      return;
    case "tuple":
      out.push("[");
      join(node.elements, ", ", indent, out, false);
      out.push("]");
      return;
    case "union":
    case "intersection":
      // The TypeScript printer parenthesises nested unions and intersections in both positions.
      join(node.types, node.kind === "union" ? " | " : " & ", indent, out, true);
      return;
    case "object":
      printMembers(node.members, indent, out);
      return;
  }
}

function printMembers(members: Member[], indent: string, out: string[]): void {
  if (members.length === 0) {
    out.push("{}");
    return;
  }
  const nested = indent + INDENT;
  out.push("{\n");
  for (const member of members) {
    printDoc(member.doc, nested, out);
    out.push(nested, member.index ? `[${member.key}: string]` : member.key, member.optional ? "?: " : ": ");
    print(member.type, nested, out);
    out.push(";\n");
  }
  out.push(indent, "}");
}

export function printDoc(lines: string[], indent: string, out: string[]): void {
  if (lines.length === 0) return;
  if (lines.length === 1) {
    out.push(indent, "/** ", lines[0] as string, " */\n");
    return;
  }
  out.push(indent, "/**\n");
  for (const line of lines) out.push(indent, line === "" ? " *\n" : ` * ${line}\n`);
  out.push(indent, " */\n");
}

/** `export interface name { … }` for a non-empty object, `export type name = …;` otherwise. */
export function declaration(name: string, node: TypeNode): string {
  const out: string[] = [];
  if (node.kind === "object" && node.members.length > 0) {
    out.push(`export interface ${name} `);
    printMembers(node.members, "", out);
    out.push("\n");
  } else {
    out.push(`export type ${name} = `);
    print(node, "", out);
    out.push(";\n");
  }
  return out.join("");
}
