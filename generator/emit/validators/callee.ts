/**
 * What keywords.ts needs from the compiler (compiler.ts implements it): keyword code calls, names and resolves
 * functions through this surface, so the two modules do not import each other.
 */
import { ts, type Code } from "../code.js";
import type { Target } from "./registry.js";

/** A function to call: its name and the schema resource it belongs to (for the dynamic scope). */
export interface Callee {
  name: Code;
  resource: string;
  /**
   * A subschema that only checks a type (`{type: string}`): the test that a given value fails it and the index of
   * its message (TYPE_MESSAGES), so a caller can check it in place instead of calling (no call, no frame, nothing to inline).
   */
  inline?: { fails: (value: Code) => Code; type: Code };
}

export const ACCEPT: Code = ts`$yes`;
export const REJECT: Code = ts`$no`;

/** Where a subschema sits: its base URI, its schema resource and its JSON Pointer (for messages). */
export interface SubschemaContext {
  base: string;
  resource: string;
  location: string;
}

export interface BodyCompiler {
  readonly options: { assertFormats: boolean };
  /** The run-time direction flag (`$D`). */
  readonly direction: Code;
  ts(text: Code): Code;
  constant(expression: Code, type?: Code): Code;
  pattern(source: string, location: string): Code;
  ref(target: Target, ann: boolean): Callee;
  resolve(ref: string, base: string, location?: string): Target;
  sub(schema: unknown, ctx: SubschemaContext, location: string, ann: boolean): Callee;
  call(callee: Callee, from: string, args: Code): Code;
}
