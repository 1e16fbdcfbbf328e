/**
 * TEMPLATE: copied into generated validators.ts modules whose schemas use `pattern` or `patternProperties`.
 *
 * Patterns come from the spec, so they run on RE2 (re2js: linear time in the input, whatever the pattern) and a
 * crafted string cannot make validation take exponential time. RE2 has no lookaround or backreferences; such
 * patterns fall back to V8's backtracking engine, but only for strings up to FALLBACK_MAX_LENGTH characters
 * (longer ones fail the pattern: a documented limitation, see docs/decisions/0003-validation.md).
 */
import { RE2JS } from "re2js";

const FALLBACK_MAX_LENGTH = 10_000;

export function __pattern(source: string, flags: string): { test(value: string): boolean } {
  try {
    const re2 = RE2JS.compile(RE2JS.translateRegExp(source));
    return { test: (value: string) => re2.test(value) };
  } catch {
    const native = new RegExp(source, flags);
    return { test: (value: string) => value.length <= FALLBACK_MAX_LENGTH && native.test(value) };
  }
}
