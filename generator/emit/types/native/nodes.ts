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
/** Binary strings (see ../binary.ts): a type reference, not a primitive, as in openapi-typescript's transform. */
export const BLOB = text("Blob");
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

// Printing builds strings by concatenation (V8 ropes): on Stripe a chunk array of millions of entries cost more in
// garbage collection than the whole transform.
function inner(node: TypeNode, indent: string, wrap: boolean): string {
  return wrap && (node.kind === "union" || node.kind === "intersection")
    ? `(${print(node, indent)})`
    : print(node, indent);
}

function join(types: TypeNode[], separator: string, indent: string, wrapAll: boolean): string {
  let out = "";
  for (let i = 0; i < types.length; i++) {
    if (i > 0) out += separator;
    out += inner(types[i] as TypeNode, indent, wrapAll);
  }
  return out;
}

/** The printed type; `indent` is the indentation of the line the type starts on. */
export function print(node: TypeNode, indent: string): string {
  switch (node.kind) {
    case "keyword":
      return node.name;
    case "text":
      return node.text;
    case "generic":
      return `${node.name}<${join(node.args, ", ", indent, false)}>`;
    case "array":
      return `${inner(node.element, indent, true)}[]`;
    case "tuple": {
      // The TypeScript printer puts each tuple element on its own line.
      if (node.elements.length === 0) return "[]";
      const nested = indent + INDENT;
      return `[\n${nested}${join(node.elements, `,\n${nested}`, nested, false)}\n${indent}]`;
    }
    case "union":
    case "intersection":
      // The TypeScript printer parenthesises nested unions and intersections in both positions.
      return join(node.types, node.kind === "union" ? " | " : " & ", indent, true);
    case "object":
      return printMembers(node.members, indent);
  }
}

function printMembers(members: Member[], indent: string): string {
  if (members.length === 0) return "{}";
  const nested = indent + INDENT;
  let out = "{\n";
  for (const member of members) {
    out += printDoc(member.doc, nested);
    out += nested + (member.index ? `[${member.key}: string]` : member.key) + (member.optional ? "?: " : ": ");
    out += print(member.type, nested) + ";\n";
  }
  return `${out}${indent}}`;
}

export function printDoc(lines: string[], indent: string): string {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0] as string} */\n`;
  let out = `${indent}/**\n`;
  for (const line of lines) out += line === "" ? `${indent} *\n` : `${indent} * ${line}\n`;
  return `${out}${indent} */\n`;
}

/** `export interface name { … }` for a non-empty object, `export type name = …;` otherwise. */
export function declaration(name: string, node: TypeNode): string {
  if (node.kind === "object" && node.members.length > 0) {
    return `export interface ${name} ${printMembers(node.members, "")}\n`;
  }
  return `export type ${name} = ${print(node, "")};\n`;
}
