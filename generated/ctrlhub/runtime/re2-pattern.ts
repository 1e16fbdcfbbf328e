/**
 * Spec patterns that V8 cannot be proven to run in linear time (see generator/emit/validators/patterns.ts); only
 * imported by validators.ts modules that have one, so re2js is loaded only then. RE2 (re2js) is linear in the input whatever the pattern, so a crafted string
 * cannot make validation take exponential time. Patterns RE2 cannot run are refused at generation time.
 */
import { RE2JS } from "re2js";

export function $re2(source: string): { test(value: string): boolean } {
  const re2 = RE2JS.compile(RE2JS.translateRegExp(source));
  return { test: (value: string) => re2.test(value) };
}

/** Longest string a `$short` pattern runs on V8 (V8's backtrack stack holds millions of group passes, not tens). */
export const SHORT_PATTERN_INPUT = 100_000;

/**
 * A pattern V8 runs in linear time (generator/emit/validators/patterns.ts proves it) but whose unbounded loop can
 * grow V8's backtrack stack with the input: V8 up to SHORT_PATTERN_INPUT characters, RE2 (compiled on first need)
 * beyond.
 */
export function $short(source: string, flags: string): { test(value: string): boolean } {
  const v8 = new RegExp(source, flags);
  const long = $long(source);
  return { test: (value: string) => (value.length <= SHORT_PATTERN_INPUT ? v8.test(value) : long.test(value)) };
}

/**
 * The RE2 half of a `$short` pattern, compiled on first need, for generated code that tests the length itself and
 * calls its V8 RegExp directly (one call less on every value: ADR 0115).
 */
export function $long(source: string): { test(value: string): boolean } {
  let re2: RE2JS | undefined;
  return { test: (value: string) => (re2 ??= RE2JS.compile(RE2JS.translateRegExp(source))).test(value) };
}
