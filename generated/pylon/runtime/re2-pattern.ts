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
