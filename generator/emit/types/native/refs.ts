/**
 * JSON Pointer handling as openapi-typescript does it (its createRef / resolveRef / oapiRef), so a `$ref` lands on
 * the same indexed access type: `#/components/schemas/Pet` → `components["schemas"]["Pet"]`.
 */
import { join, ts, type Code } from "../../code.js";
import { stringLiteral } from "../../safe.js";
import { text, UNKNOWN, type TypeNode } from "./nodes.js";
import { atPointer, escapeSegment, pointerOf, refSegments } from "../../../openapi/pointer.js";

/** The pointer segments of a `$ref` (anything before `#/` is ignored: the bundled document has internal refs only). */
export function parsePointer(ref: string): string[] {
  const hash = ref.indexOf("#/");
  return hash < 0 ? [] : refSegments(ref.slice(hash)).filter((s) => s !== "");
}

/** Joins parts into `#/a/b`; a part that is itself a pointer contributes its segments. */
export function createRef(parts: Array<string | undefined>): string {
  let pointer = "#";
  for (const part of parts) {
    if (part === undefined || part === "") continue;
    const segments = parsePointer(part);
    for (const s of segments.length > 0 ? segments : [part]) pointer += `/${escapeSegment(s)}`;
  }
  return pointer;
}

/** Follows a pointer (and any chain of `$ref`s it lands on); undefined when it does not resolve. */
export function resolveRef(document: unknown, ref: string, visited: string[] = []): unknown {
  const pointer = parsePointer(ref);
  if (pointer.length === 0) return undefined;
  const node = atPointer(document, pointerOf(pointer));
  if (!node) return undefined;
  const nested = node && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  if (typeof nested === "string") {
    if (visited.includes(nested)) return undefined;
    return resolveRef(document, nested, [...visited, nested]);
  }
  return node;
}

/** Roots that exist in the emitted file; a pointer elsewhere has no type to index into. */
const ROOTS: Record<string, Code> = {
  paths: ts`paths`,
  webhooks: ts`webhooks`,
  components: ts`components`,
  operations: ts`operations`,
  $defs: ts`$defs`,
};

/** A parameter a `$ref` resolved to: deep pointers into parameter lists index by location and name instead. */
export interface ResolvedParameter {
  in: string;
  name: string;
}

/** `$ref` → indexed access type, skipping `properties` segments below the third, as openapi-typescript does. */
export function refType(ref: string, parameter?: ResolvedParameter): TypeNode {
  const pointer = parsePointer(ref);
  const root = pointer[0] !== undefined && Object.hasOwn(ROOTS, pointer[0]) ? ROOTS[pointer[0]] : undefined;
  if (root === undefined) return UNKNOWN;
  const parts = [root, ...pointer.slice(1, 3).map(index)];
  const rest = pointer.slice(3);
  rest.forEach((segment, i) => {
    if (segment === "properties") return;
    if (parameter && i === rest.length - 1) parts.push(index(parameter.in), index(parameter.name));
    else parts.push(index(segment));
  });
  return text(join(parts, ""));
}

const index = (segment: string): Code => ts`[${stringLiteral(segment)}]`;
