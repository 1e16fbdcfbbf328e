/**
 * Legal TypeScript for schemas that contain themselves outside any object: `A: {type: array, items: {$ref: A}}`
 * prints as `A: components["schemas"]["A"][]`, which TypeScript rejects (TS2502: a member referenced in its own type
 * annotation) — only object-literal members defer a reference. Such schemas become exported type aliases, which may
 * recurse through arrays and tuples (`export type $Recursive_A = $Recursive_A[]`), and the member points at the alias.
 * A cycle with no array, tuple or object on it at all (`A: {allOf: [{$ref: A}]}`) has no type but `unknown`: that
 * back-reference is printed as `unknown`. Every other schema prints exactly as before (openapi-typescript identity).
 */
import { identifier, stringLiteral } from "../../safe.js";
import type { Code } from "../../code.js";
import { text, UNKNOWN, type Member, type TypeNode } from "./nodes.js";
import { claimName } from "../../../openapi/names.js";

const schemaRef = (name: string) => `components["schemas"][${stringLiteral(name)}]`;

/** Refs to `names` in `node`; `eager` ones sit outside every array, tuple and object. */
function refsIn(node: TypeNode, byRef: Map<string, string>, eager: boolean, out: Array<[string, boolean]>): void {
  switch (node.kind) {
    case "text": {
      const name = byRef.get(node.text);
      if (name !== undefined) out.push([name, eager]);
      return;
    }
    case "array":
      return refsIn(node.element, byRef, false, out);
    case "tuple":
      return node.elements.forEach((e) => refsIn(e, byRef, false, out));
    case "union":
    case "intersection":
      return node.types.forEach((t) => refsIn(t, byRef, eager, out));
    case "generic":
      return node.args.forEach((t) => refsIn(t, byRef, eager, out));
    case "object":
    case "keyword":
      return;
  }
}

/** Members of a cycle in `edges` (Tarjan, iterative: Stripe has a thousand schemas). */
function cyclic(nodes: string[], edges: Map<string, string[]>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  let next = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: Array<[string, number]> = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      if (i === 0) {
        index.set(node, next);
        low.set(node, next++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = edges.get(node) ?? [];
      if (i < targets.length) {
        frame[1]++;
        const target = targets[i]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        for (let member = stack.pop()!; ; member = stack.pop()!) {
          onStack.delete(member);
          component.push(member);
          if (member === node) break;
        }
        const selfLoop = (edges.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) component.forEach((m) => result.add(m));
      }
    }
  }
  return result;
}

function replace(
  node: TypeNode,
  swap: (text: string, eager: boolean) => TypeNode | undefined,
  eager: boolean,
): TypeNode {
  switch (node.kind) {
    case "text":
      return swap(node.text, eager) ?? node;
    case "array":
      return { ...node, element: replace(node.element, swap, false) };
    case "tuple":
      return { ...node, elements: node.elements.map((e) => replace(e, swap, false)) };
    case "union":
    case "intersection":
      return { ...node, types: node.types.map((t) => replace(t, swap, eager)) };
    case "generic":
      return { ...node, args: node.args.map((t) => replace(t, swap, eager)) };
    case "object":
      return { ...node, members: node.members.map((m) => ({ ...m, type: replace(m.type, swap, false) })) };
    case "keyword":
      return node;
  }
}

export interface RecursiveAliases {
  /** The schema members, those on an immediate cycle pointing at their alias. */
  members: Member[];
  /** `export type $Recursive_… = …;` declarations, in member order. */
  aliases: Array<{ name: Code; type: TypeNode }>;
}

/** `names[i]` is the schema name of `members[i]`. */
export function breakRecursiveSchemas(names: string[], members: Member[]): RecursiveAliases {
  const byRef = new Map(names.map((n) => [schemaRef(n), n]));
  const immediate = new Map<string, string[]>();
  const eagerEdges = new Map<string, string[]>();
  members.forEach((member, i) => {
    const found: Array<[string, boolean]> = [];
    refsIn(member.type, byRef, true, found);
    immediate.set(
      names[i]!,
      found.map(([n]) => n),
    );
    eagerEdges.set(
      names[i]!,
      found.filter(([, eager]) => eager).map(([n]) => n),
    );
  });
  const recursive = cyclic(names, immediate);
  if (recursive.size === 0) return { members, aliases: [] };
  const restricted = new Map(
    [...eagerEdges].map(([n, to]) => [n, recursive.has(n) ? to.filter((t) => recursive.has(t)) : []]),
  );
  const hopeless = cyclic(names, restricted);
  const taken = new Set<string>();
  const aliasOf = new Map<string, Code>();
  for (const name of names.filter((n) => recursive.has(n))) {
    const base = `$Recursive_${name.replace(/[^A-Za-z0-9_$]/g, "_")}`;
    // `$Recursive_` + [A-Za-z0-9_$]: already an identifier, which identifier() keeps as it is.
    aliasOf.set(name, identifier(claimName(taken, base)));
  }
  const aliases: RecursiveAliases["aliases"] = [];
  const out = members.map((member, i) => {
    const name = names[i]!;
    const alias = aliasOf.get(name);
    if (alias === undefined) return member;
    const type = replace(
      member.type,
      (ref, eager) => {
        const target = byRef.get(ref);
        if (target === undefined || !aliasOf.has(target)) return undefined;
        return eager && hopeless.has(name) && hopeless.has(target) ? UNKNOWN : text(aliasOf.get(target)!);
      },
      true,
    );
    aliases.push({ name: alias, type });
    return { ...member, type: text(alias) };
  });
  return { members: out, aliases };
}
