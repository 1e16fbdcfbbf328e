/**
 * Intended textual differences of the native types emitter from openapi-typescript, each mapped back to
 * openapi-typescript's form. Property names go through safe.ts's propertyKey, which writes `__proto__` computed
 * (`["__proto__"]`): same property in a type, and the form that is also safe in object literals.
 */
const INTENDED: Array<[RegExp, string]> = [[/^( *)\["__proto__"\](?=\??: )/gm, "$1__proto__"]];

/** openapi-typescript's text from ours, by undoing the intended differences. */
export function asReference(native: string): string {
  let text = native;
  for (const [pattern, replacement] of INTENDED) text = text.replace(pattern, replacement);
  return text;
}

/** "" when equal, else the first differing line: megabytes of text make a whole-file diff useless. */
export function firstDifference(ours: string, theirs: string): string {
  const a = ours.split("\n");
  const b = theirs.split("\n");
  const at = a.findIndex((line, i) => line !== b[i]);
  if (at === -1) return a.length === b.length ? "" : `ours has ${a.length} lines, theirs ${b.length}`;
  return `line ${at + 1}:\n  ours:   ${a[at]}\n  theirs: ${b[at]}`;
}
