/**
 * The differential property of the compiled pattern tests (pattern-matcher.test.ts, pattern-dfa.test.ts): on
 * generated strings a compiled test gives the verdict of `new RegExp(pattern, "u").test`. Strings: ones the pattern
 * matches, their one-character mutations, and strings over the pattern's own characters ± 1 plus the Unicode
 * corners (astral characters, lone surrogates, line terminators).
 */
import fc from "fast-check";
import { expect } from "vitest";

export type Test = (value: string) => boolean;

/** The `test` of a compiled pattern's emitted JavaScript (`{ test: (s) => … }`); undefined when none was emitted. */
export function loadTest(code: unknown): Test | undefined {
  return code === undefined ? undefined : (new Function(`return ${String(code)};`)() as { test: Test }).test;
}

/** Characters of the pattern's own text, their neighbours, and the Unicode corners. */
function alphabet(pattern: string): string[] {
  const own = [...pattern].flatMap((ch) => {
    const code = ch.codePointAt(0) as number;
    return [code - 1, code, code + 1].filter((c) => c >= 0 && c <= 0x10ffff).map((c) => String.fromCodePoint(c));
  });
  return [...new Set([...own, "a", "0", "-", ".", " ", "\n", "\u2028", "😀", "🙏", "\uD83D", "\uDE00", "\u00e9", ""])];
}

/** `cap`: longest string tried (the oracle backtracks: on `^(a+)+$` only short strings finish). */
export function agreesWithRegExp(test: (value: string) => boolean, pattern: string, cap = Infinity): void {
  const re = new RegExp(pattern, "u");
  const chars = alphabet(pattern);
  const mutate = (value: string, at: number, insert: string, cut: number): string => {
    const k = at % (value.length + 1);
    return value.slice(0, k) + insert + value.slice(k + cut);
  };
  // fast-check's generator does not know every escape (`\cC`, `[\b]`): those get the other two sources only.
  let matching: fc.Arbitrary<string>;
  try {
    matching = fc.stringMatching(re);
  } catch {
    matching = fc.constant("");
  }
  const strings = fc
    .oneof(
      matching,
      fc
        .tuple(matching, fc.nat(), fc.constantFrom(...chars), fc.integer({ min: 0, max: 2 }))
        .map(([value, at, ch, cut]) => mutate(value, at, ch, cut)),
      fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((parts) => parts.join("")),
    )
    .map((value) => (value.length > cap ? value.slice(0, cap) : value));
  fc.assert(
    fc.property(strings, (value) => {
      expect([value, test(value)]).toEqual([value, re.test(value)]);
    }),
    { numRuns: 400, seed: 11 },
  );
}
