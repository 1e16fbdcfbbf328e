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
  /**
   * The schema behind the function and where it sits, when its body may be written into a caller instead of
   * called (keywords.ts decides: small, no in-place applicators; ADR 0117). `shared`: a `$ref` target, which other
   * places use too (a copy per use grows the output), rather than a subschema written here.
   */
  body?: { schema: Record<string, unknown>; ctx: SubschemaContext; shared: boolean };
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
  /** Schemas whose body is being written (a function or a copy in a caller): none is written into itself. */
  readonly writing: Set<object>;
  /** The run-time direction flag (`$D`). */
  readonly direction: Code;
  ts(text: Code): Code;
  constant(expression: Code, type?: Code): Code;
  pattern(source: string, location: string): Code;
  patternTest(source: string, location: string, value: Code): Code;
  ref(target: Target, ann: boolean): Callee;
  resolve(ref: string, base: string, location?: string): Target;
  sub(schema: unknown, ctx: SubschemaContext, location: string, ann: boolean): Callee;
  call(callee: Callee, from: string, args: Code): Code;
}
