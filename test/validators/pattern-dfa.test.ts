/**
 * The automata compiled from anchored spec patterns (generator/emit/validators/pattern-dfa.ts; the generator uses them
 * for patterns V8 cannot be proven to run in linear time)
 * give exactly the verdict of `new RegExp(pattern, "u").test`: chosen strings, then generated ones (strings the
 * pattern matches, their mutations, strings over the pattern's own characters plus astral characters and lone
 * surrogates), then 10 MB inputs, `^(a+)+$` among them. The strictest-profile compile of validators.ts holding
 * automata is in pattern-matcher.test.ts (one tsc run for both kinds).
 */
import { describe, expect, it } from "vitest";
import { DFA_LIMITS, patternDfa } from "../../generator/emit/validators/pattern-dfa.js";
import { provablyLinear } from "../../generator/emit/validators/patterns.js";
import { agreesWithRegExp, loadTest, type Test } from "./pattern-oracle.js";

function compile(pattern: string): Test | undefined {
  return loadTest(patternDfa(pattern, true, DFA_LIMITS));
}

/** Patterns compiled to automata: ambiguous loops, nested loops, prefixes, alternatives, Unicode corners. */
const COMPILED = [
  "^([a-z0-9]+\\.)*[a-z]+$",
  "^(a+)+$",
  "^(a|aa)+$",
  "^a*a$",
  "^[a-z]+[a-z0-9]$",
  "^(a|ab)c$",
  "^(a?)b$",
  "^.+x$",
  "^a(bc)*b",
  "^(a|ab)*c",
  "^([a-z]+-?)+[0-9]{2}$",
  "^(x|y|xy)*$",
  "^[^@]+@[^@]+\\.[a-z]{2,3}$",
  "^(\\d+,)*\\d+$",
  "^\\w+(\\.\\w+)*@\\w+$",
  "^(😀|😀a)+$",
  "^[\\u{1F600}-\\u{1F64F}a]*a$",
  "^(\\uD83D|x)+\\uDE00$",
  "^\\S*\\s\\S*$",
  "^(?<a>[a-z]+)(?:-[a-z]+)*?-?$",
  "^$",
  "^",
  "^(a|)+b$",
  "^(){3}a$",
];

/** Patterns that keep their engine: not anchored, assertions inside, constructs the parser does not model. */
const NOT_COMPILED = ["abc", "[0-9]+$", "^a|b$", "^a$|^b$", "^\\p{L}+$", "^\\bx$", "^(?=a)a$", "^(a)\\1$", "^a$b", "("];

describe("patternDfa: which patterns compile", () => {
  it.each(COMPILED)("%s compiles", (pattern) => {
    expect(compile(pattern)).toBeTypeOf("function");
  });
  it.each(NOT_COMPILED)("%s keeps its regex engine", (pattern) => {
    expect(compile(pattern)).toBeUndefined();
  });
  it("an automaton past the state limit keeps RE2", () => {
    // The n-th character from the end is an `a`: 2^(n+1) states of any deterministic automaton.
    expect(patternDfa("^(a|b)*a(a|b){3}$", false, DFA_LIMITS)).toBeDefined();
    expect(patternDfa("^(a|b)*a(a|b){5}$", false, DFA_LIMITS)).toBeUndefined();
  });
});

describe("patternDfa: same verdict as RegExp(pattern, 'u')", () => {
  const table: Array<[string, string[]]> = [
    [
      "^([a-z0-9]+\\.)*[a-z]+$",
      ["api.eu.example.com", "localhost", "a1.b2.example", "api.eu.example.com1", "a..b", ".a", "a.", "", "1", "a.1b"],
    ],
    ["^(a+)+$", ["a", "aaaa", "", "aaab", "ba"]],
    ["^(a|ab)c$", ["ac", "abc", "abbc", "c", "ab"]],
    ["^a(bc)*b", ["ab", "abcb", "abcbx", "abc", "a"]],
    ["^(😀|😀a)+$", ["😀", "😀a😀", "\uD83D", "\uD83Da", "😀aa", ""]],
    ["^(\\uD83D|x)+\\uDE00$", ["\uD83D\uDE00", "x\uDE00", "x\uD83D\uDE00", "\uD83Dx\uDE00"]],
    ["^.+x$", ["ax", "x", "\nx", "a\u2028x", "😀x", "\uD800x"]],
    ["^(a|)+b$", ["b", "ab", "aab", "a"]],
  ];
  it.each(table)("%s on chosen strings", (pattern, values) => {
    const test = compile(pattern) as Test;
    const re = new RegExp(pattern, "u");
    for (const value of values) expect([value, test(value)]).toEqual([value, re.test(value)]);
  });

  it.each(COMPILED)("%s on generated strings", (pattern) => {
    // The oracle backtracks: on a pattern it cannot run in linear time (`^(a+)+$`) only short strings finish.
    agreesWithRegExp(compile(pattern) as Test, pattern, provablyLinear(pattern) ? Infinity : 14);
  });

  it("10 MB inputs: linear, no stack, same verdict (the `^(a+)+$` guarantee)", () => {
    const big = "a".repeat(10 * 2 ** 20);
    const cases: Array<[string, string, boolean]> = [
      ["^(a+)+$", big, true],
      ["^(a+)+$", `${big}!`, false],
      ["^(a|aa)+$", `${big}b`, false],
      ["^([a-z0-9]+\\.)*[a-z]+$", `${"ab.".repeat(3 * 2 ** 20)}ab`, true],
      ["^([a-z0-9]+\\.)*[a-z]+$", `${"ab.".repeat(3 * 2 ** 20)}a1`, false],
      ["^.+x$", `${big}\n`, false],
    ];
    for (const [pattern, value, verdict] of cases) expect(compile(pattern)?.(value)).toBe(verdict);
  });
});
