/**
 * Writing a small subschema's body into its caller instead of calling it (ADR 0117), as Ajv does: the members of a
 * page's items are checked in the caller's loop, and an issue is recorded once with its whole path from the
 * function's own value (`"/data/" + i1 + "/id"`), so no `$u` runs per level on the way out.
 *
 * What may be written in place is bounded: only the keywords below (no in-place applicators, no key loops, no
 * annotations for unevaluated*), objects and arrays only, at most MAX_DEPTH levels, at most MAX_LINES lines per
 * body, never a schema whose body is being written (recursion), never across schema resources, and a `$ref` target
 * or a subschema met before (shared) only as the item of a list.
 */
import { join, num, ts, type Code } from "../code.js";
import { stringLiteral } from "../safe.js";

/** A step of a path: pointer text written at generation time, or an array index held in a variable. */
export type Part = { text: string } | { index: Code };

/** Keywords an inlined body may have besides annotations (each written by keywords.ts for any value variable). */
export const INLINE_KEYWORDS = new Set([
  "type",
  "enum",
  "const",
  "maxLength",
  "minLength",
  "pattern",
  "format",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "multipleOf",
  "required",
  "properties",
  "maxProperties",
  "minProperties",
  "dependentRequired",
  "items",
  "maxItems",
  "minItems",
]);

/** Levels of bodies written into one function (a page: its list, then the list's item). */
export const MAX_DEPTH = 2;
/** Lines of one inlined body: larger ones stay calls, so output size stays bounded (validators.ts vs types.ts). */
export const MAX_LINES = 16;

/** Local names of one function's inlined bodies (`d1`, `i2`) and how deep the one being written is. */
export interface Scope {
  next: number;
  depth: number;
}

export function newScope(): Scope {
  return { next: 0, depth: 0 };
}

/** The path as a string expression: `"/data/" + i1 + "/id"` (it always starts with text, so `+` concatenates). */
export function renderPath(parts: readonly Part[]): Code {
  const out: Code[] = [];
  let text = "";
  for (const part of parts) {
    if ("text" in part) {
      text += part.text;
      continue;
    }
    if (text) out.push(stringLiteral(text));
    text = "";
    out.push(part.index);
  }
  if (text) out.push(stringLiteral(text));
  return join(out, " + ");
}

/** Whether the path reads an index at run time (a call with it as key would concatenate on every call). */
export function dynamicPath(parts: readonly Part[]): boolean {
  return parts.some((part) => "index" in part);
}

/** A fresh local name of the scope. */
export function local(scope: Scope, prefix: "d" | "i"): Code {
  scope.next++;
  return prefix === "d" ? ts`d${num(scope.next)}` : ts`i${num(scope.next)}`;
}
