/**
 * What keywords.ts needs from the compiler (compiler.ts implements it): keyword code calls, names and resolves
 * functions through this surface, so the two modules do not import each other.
 */
import type { Target } from "./registry.js";

/** A function to call: its name and the schema resource it belongs to (for the dynamic scope). */
export interface Callee {
  name: string;
  resource: string;
  /**
   * A subschema that only checks a type (`{type: string}`): the test of a value that fails it (in terms of `d`) and
   * the index of its message (TYPE_MESSAGES), so a caller can check it in place instead of calling (no call, no frame, nothing to inline).
   */
  inline?: { fails: string; type: string };
}

export const ACCEPT = "$yes";
export const REJECT = "$no";

/** Where a subschema sits: its base URI, its schema resource and its JSON Pointer (for messages). */
export interface SubschemaContext {
  base: string;
  resource: string;
  location: string;
}

export interface BodyCompiler {
  readonly options: { assertFormats: boolean };
  /** The run-time direction flag (`$D`). */
  readonly direction: string;
  ts(text: string): string;
  constant(expression: string, type?: string): string;
  pattern(source: string, location: string): string;
  ref(target: Target, ann: boolean): Callee;
  resolve(ref: string, base: string, location?: string): Target;
  sub(schema: unknown, ctx: SubschemaContext, location: string, ann: boolean): Callee;
  call(callee: Callee, from: string, args: string): string;
}
