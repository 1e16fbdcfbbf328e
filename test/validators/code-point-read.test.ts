/**
 * Compiled patterns that read code points give RegExp's verdict on sliced strings after V8 has optimised them.
 * Node 24.22's optimised `codePointAt` read past a slice's end into its parent string when the slice ended in a high
 * surrogate (generator/emit/validators/code-point-read.ts). With `codePointAt` the automaton case failed here on
 * Node 24.22 after warm-up (it passed on Node 20; the matcher case did not reproduce, and reads the same way now).
 * The loop is long enough for the optimising compilers to take the function.
 */
import { describe, expect, it } from "vitest";
import { DFA_LIMITS, patternDfa } from "../../generator/emit/validators/pattern-dfa.js";
import { NO_LIMITS, patternMatcher } from "../../generator/emit/validators/pattern-matcher.js";

import { loadTest, type Test } from "./pattern-oracle.js";

const load = (code: unknown): Test => {
  const test = loadTest(code);
  if (!test) throw new Error("the pattern compiled to nothing");
  return test;
};

// Each parent continues a cut high surrogate into 😀, so a read past a slice's end sees a whole pair, and the
// pattern would then match. V8 slices (instead of copying) strings of 13 units or more.
const cases: Array<[string, string, string, Test]> = [
  ["automaton", "^(😀|😀a)+$", "😀a😀😀😀a😀😀😀a😀😀😀", load(patternDfa("^(😀|😀a)+$", true, DFA_LIMITS))],
  ["char-code matcher", "^😀a😀*a?$", "😀a😀😀😀😀😀😀😀😀😀😀", load(patternMatcher("^😀a😀*a?$", true, NO_LIMITS))],
];

describe("compiled patterns on sliced strings (a lone high surrogate at the slice's end)", () => {
  it.each(cases)("%s %s", (_kind, pattern, parent, test) => {
    const re = new RegExp(pattern, "u");
    const sliced = [...parent.matchAll(/\uD83D/g)]
      .map((m) => parent.slice(0, m.index + 1))
      .filter((v) => v.length >= 13);
    expect(sliced.length).toBeGreaterThanOrEqual(2);
    const whole = ["😀a", "😀a😀", "😀😀a", "😀"];
    const wrong: string[] = [];
    for (let round = 0; round < 30_000; round++) {
      const value = round % 3 === 0 ? (sliced[round % sliced.length] as string) : (whole[round & 3] as string);
      if (test(value) !== re.test(value) && wrong.length < 3) wrong.push(JSON.stringify(value));
    }
    for (const value of sliced) expect([value, test(value)]).toEqual([value, re.test(value)]);
    expect(wrong).toEqual([]);
  });
});
