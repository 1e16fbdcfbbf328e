/**
 * Finds a chain of `$ref`s that only point at each other (`A: {$ref: B}`, `B: {$ref: A}`): such a cycle never
 * reaches a schema, so no tool can use it. Redocly throws a bare "Self-referencing circular pointer" for it; this
 * names the pointers so the error can say where.
 */
import { escapeSegment, getByRef } from "../openapi/pointer.js";

function resolvePointer(root: unknown, ref: string): unknown {
  return ref === "#" ? root : ref.startsWith("#/") ? getByRef(root, ref) : undefined;
}

function localRef(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === "string" && ref.startsWith("#") ? ref : undefined;
}

/** The refs of the first pure-$ref cycle found (`["#/components/schemas/A", "#/components/schemas/B"]`). */
export function findRefCycle(root: unknown): string[] | undefined {
  const stack: unknown[] = [root];
  const done = new Set<string>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const start = localRef(node);
    if (start !== undefined && !done.has(start)) {
      const chain: string[] = [];
      for (let ref: string | undefined = start; ref !== undefined; ref = localRef(resolvePointer(root, ref))) {
        const at = chain.indexOf(ref);
        if (at !== -1) return chain.slice(at);
        if (done.has(ref)) break;
        chain.push(ref);
      }
      chain.forEach((ref) => done.add(ref));
    }
    stack.push(...Object.values(node));
  }
  return undefined;
}

/**
 * Where a bundled document contains itself: Redocly inlines a `$ref` to a whole file (`$ref: "#"`, `""`, or the
 * spec's own file name) as that object, which makes the tree cyclic and every walker after it loop. Iterative,
 * each node visited once (shared subtrees are fine; only a path back to an ancestor is a cycle).
 */
export function objectCycleAt(root: unknown): string | undefined {
  const done = new Set<object>();
  const onPath = new Set<object>();
  const stack: Array<{ node: object; pointer: string; children?: Array<[string, unknown]>; next: number }> = [];
  if (root !== null && typeof root === "object") stack.push({ node: root, pointer: "", next: 0 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.children === undefined) {
      onPath.add(frame.node);
      frame.children = Object.entries(frame.node);
    }
    if (frame.next < frame.children.length) {
      const [key, child] = frame.children[frame.next++]!;
      if (child === null || typeof child !== "object" || done.has(child)) continue;
      const pointer = `${frame.pointer}/${escapeSegment(key)}`;
      if (onPath.has(child)) return pointer;
      stack.push({ node: child, pointer, next: 0 });
      continue;
    }
    onPath.delete(frame.node);
    done.add(frame.node);
    stack.pop();
  }
  return undefined;
}
