/**
 * A tiny type-expression tree and its printer. The tree (not plain strings) is kept because openapi-typescript's
 * semantics depend on node kinds — which unions count as "primitive", which items are already arrays — and the
 * printer needs nesting depth for indentation. Output follows the TypeScript printer's layout and parentheses.
 * Every piece of text in the tree is Code (generator/emit/code.ts), so document text can only enter through safe.ts.
 */
import { commentBlock, EMPTY, ts, type Code, type CommentLine } from "../../code.js";

export type Keyword = "string" | "number" | "boolean" | "unknown" | "never" | "null" | "undefined";

export type TypeNode =
  | { kind: "keyword"; name: Keyword }
  /** Printed verbatim: a string/number/boolean literal or an indexed access built from safe pieces. */
  | { kind: "text"; text: Code }
  | { kind: "generic"; name: Code; args: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | { kind: "tuple"; elements: TypeNode[] }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "object"; members: Member[] };

export interface Member {
  /** Doc comment lines, already escaped (see comments.ts). */
  doc: CommentLine[];
  /** A printed key (see keys.ts), or an index signature's parameter name. */
  key: Code;
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

export const text = (value: Code): TypeNode => ({ kind: "text", text: value });
/** Binary strings (see ../binary.ts): a type reference, not a primitive, as in openapi-typescript's transform. */
export const BLOB = text(ts`Blob`);
export const generic = (name: Code, args: TypeNode[]): TypeNode => ({ kind: "generic", name, args });
export const objectType = (members: Member[]): TypeNode => ({ kind: "object", members });
export const record = (key: TypeNode, value: TypeNode): TypeNode => generic(ts`Record`, [key, value]);

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

const INDENT = ts`    `;

// Printing builds text by concatenation (V8 ropes): on Stripe a chunk array of millions of entries cost more in
// garbage collection than the whole transform. `ts` is a plain concatenation too.
function inner(node: TypeNode, indent: Code, wrap: boolean): Code {
  return wrap && (node.kind === "union" || node.kind === "intersection")
    ? ts`(${print(node, indent)})`
    : print(node, indent);
}

function join(types: TypeNode[], separator: Code, indent: Code, wrapAll: boolean): Code {
  let out = EMPTY;
  for (let i = 0; i < types.length; i++) {
    if (i > 0) out = ts`${out}${separator}`;
    out = ts`${out}${inner(types[i] as TypeNode, indent, wrapAll)}`;
  }
  return out;
}

const COMMA = ts`, `;
const BAR = ts` | `;
const AMPERSAND = ts` & `;

/** The printed type; `indent` is the indentation of the line the type starts on. */
export function print(node: TypeNode, indent: Code): Code {
  switch (node.kind) {
    case "keyword":
      return KEYWORDS[node.name];
    case "text":
      return node.text;
    case "generic":
      return ts`${node.name}<${join(node.args, COMMA, indent, false)}>`;
    case "array":
      return ts`${inner(node.element, indent, true)}[]`;
    case "tuple": {
      // The TypeScript printer puts each tuple element on its own line.
      if (node.elements.length === 0) return ts`[]`;
      const nested = ts`${indent}${INDENT}`;
      return ts`[\n${nested}${join(node.elements, ts`,\n${nested}`, nested, false)}\n${indent}]`;
    }
    case "union":
    case "intersection":
      // The TypeScript printer parenthesises nested unions and intersections in both positions.
      return join(node.types, node.kind === "union" ? BAR : AMPERSAND, indent, true);
    case "object":
      return printMembers(node.members, indent);
  }
}

const KEYWORDS: Record<Keyword, Code> = {
  string: ts`string`,
  number: ts`number`,
  boolean: ts`boolean`,
  unknown: ts`unknown`,
  never: ts`never`,
  null: ts`null`,
  undefined: ts`undefined`,
};

function printMembers(members: Member[], indent: Code): Code {
  if (members.length === 0) return ts`{}`;
  const nested = ts`${indent}${INDENT}`;
  let out = ts`{\n`;
  for (const member of members) {
    const key = member.index ? ts`[${member.key}: string]` : member.key;
    out = ts`${out}${commentBlock(member.doc, nested)}${nested}${key}${member.optional ? ts`?: ` : ts`: `}${print(member.type, nested)};\n`;
  }
  return ts`${out}${indent}}`;
}

/** `export interface name { … }` for a non-empty object, `export type name = …;` otherwise. */
export function declaration(name: Code, node: TypeNode): Code {
  if (node.kind === "object" && node.members.length > 0) {
    return ts`export interface ${name} ${printMembers(node.members, EMPTY)}\n`;
  }
  return ts`export type ${name} = ${print(node, EMPTY)};\n`;
}
