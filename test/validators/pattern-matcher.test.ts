/**
 * The char-code matchers compiled from spec patterns (generator/emit/validators/pattern-matcher.ts) give exactly
 * the verdict of `new RegExp(pattern, "u").test`: a table of chosen strings, then generated ones (strings the
 * pattern matches, their mutations, and strings over the pattern's own characters plus astral characters and lone
 * surrogates), then 10 MB inputs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NO_LIMITS, patternMatcher } from "../../generator/emit/validators/pattern-matcher.js";
import { cleanupScratch, generateInto, strictestProblems, typecheck } from "../generator/helpers.js";
import { agreesWithRegExp, loadTest, type Test } from "./pattern-oracle.js";

/** Every construct the proof accepts (the generator adds measured cost limits on top: see the last tests). */
function compile(pattern: string): Test | undefined {
  return loadTest(patternMatcher(pattern, true, NO_LIMITS));
}

/** Patterns compiled to matchers: corpus shapes, every construct, and the Unicode corners. */
const COMPILED = [
  "^[0-9]{13}$",
  "^[A-Z]{3}-[0-9]{4}$",
  "^[a-z]+(-[a-z]+)*$",
  "^MG[0-9a-fA-F]{32}$",
  "^/v1/balance_transactions",
  "^([01]\\d|2[0-3]):?([0-5]\\d)$",
  "^[a-zA-Z0-9_-]+$",
  "^[A-Za-z0-9_.-]+$",
  "^tunnel_[a-z0-9]{32}$",
  "^\\+?[1-9]\\d{1,14}$",
  "^\\d+\\.\\d+$",
  "^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$",
  "^[A-Z]{2}[0-9]+",
  "^[A-Z]{2,4}",
  "^(ab|cd)*$",
  "^(?:ab|cd){2,3}$",
  "^(?<year>\\d{4})-(?<month>\\d{2})$",
  "^x((a|b)+)?$",
  "^a{0}b$",
  "^$",
  "^",
  "^.*$",
  '^[^"]*$',
  "^[^a-z]{2}$",
  "^\\S+$",
  "^\\s*x$",
  "^\\W\\D$",
  "^\\u{1F600}+x$",
  "^[\\u{1F600}-\\u{1F64F}]{2}$",
  "^\\uD83D\\uDE00$",
  "^\\uD83D$",
  "^[\\uD800-\\uDBFF]$",
  "^😀a$",
  "^[😀-🙏a]+$",
  "^\\x41\\u0042\\cC\\0\\t$",
  "^[\\b\\-\\]]+$",
  "^\\^\\$\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/$",
  "^é+ü?$",
  "^[a-z]+?[0-9]*?$",
];

/** Patterns that keep their regex engine: not anchored, ambiguous, or constructs the parser does not model. */
const NOT_COMPILED = [
  "abc",
  "[0-9]+$",
  "^a|b$",
  "^([a-z0-9]+\\.)*[a-z]+$",
  "^(a+)+$",
  "^a*a$",
  "^[a-z]+[a-z0-9]$",
  "^\\p{L}+$",
  "^\\bx$",
  "^(?=a)a$",
  "^(a)\\1$",
  "^a(bc)*b",
  "^.+x$",
  "^(a|ab)c$",
  "^(a?)b$",
  "(",
];

describe("patternMatcher: which patterns compile", () => {
  it.each(COMPILED)("%s compiles", (pattern) => {
    expect(compile(pattern)).toBeTypeOf("function");
  });
  it.each(NOT_COMPILED)("%s keeps its regex engine", (pattern) => {
    expect(compile(pattern)).toBeUndefined();
  });
});

describe("patternMatcher: same verdict as RegExp(pattern, 'u')", () => {
  const table: Array<[string, string[]]> = [
    [
      "^[0-9]{13}$",
      ["4006381333931", "400638133393", "40063813339311", "400638133393x", "", "４００６３８１３３３９３１"],
    ],
    ["^[A-Z]{3}-[0-9]{4}$", ["ABC-1234", "abc-1234", "ABC1234", "ABC-12345", "ABC-123"]],
    ["^[a-z]+(-[a-z]+)*$", ["blue-shirt", "blue", "blue-", "-blue", "blue--shirt", "a-b-c", ""]],
    ["^/v1/balance_transactions", ["/v1/balance_transactions/txn_1", "/v1/balance_transaction", ""]],
    ["^([01]\\d|2[0-3]):?([0-5]\\d)$", ["0930", "09:30", "24:00", "23:59", "2:30", "19:60"]],
    ["^\\u{1F600}+x$", ["😀x", "😀😀x", "\uD83Dx", "\uDE00x", "x", "😀\uD83Dx"]],
    ["^\\uD83D$", ["\uD83D", "😀", "\uD83D\uDC00"]],
    ["^[\\uD800-\\uDBFF]$", ["\uD800", "😀", "\uDBFF\uDFFF", "\uDBFF"]],
    ["^.*$", ["", "abc", "a\nb", "a\u2028", "😀", "\uD800", "\r"]],
    ['^[^"]*$', ["", "abc", 'a"b', "😀\uDC00"]],
    ["^\\S+$", ["abc", "a b", "\u00a0", "\ufeff", "😀"]],
    ["^[A-Z]{2}[0-9]+", ["AB1", "AB", "AB12xyz", "ab1", "A1"]],
  ];
  it.each(table)("%s on chosen strings", (pattern, values) => {
    const test = compile(pattern) as Test;
    const re = new RegExp(pattern, "u");
    for (const value of values) expect([value, test(value)]).toEqual([value, re.test(value)]);
  });

  it.each(COMPILED)("%s on generated strings", (pattern) => {
    agreesWithRegExp(compile(pattern) as Test, pattern);
  });

  it("10 MB inputs: linear, no stack, same verdict", () => {
    const big = "a".repeat(10 * 2 ** 20);
    const cases: Array<[string, string, boolean]> = [
      ["^[a-z]+$", big, true],
      ["^[a-z]+$", `${big}!`, false],
      ["^[a-z]+(-[a-z]+)*$", `${"ab-".repeat(3 * 2 ** 20)}ab`, true],
      ["^[a-z]+(-[a-z]+)*$", "ab-".repeat(3 * 2 ** 20), false],
      ["^.*$", `${big}\n`, false],
      ['^[^"]*$', big, true],
    ];
    for (const [pattern, value, verdict] of cases) expect(compile(pattern)?.(value)).toBe(verdict);
  });
});

describe("patternMatcher: measured cost limits", () => {
  it.each([
    ["^[0-9]{9}$", true],
    ["^[A-Z]{3}-[0-9]{4}$", true],
    ["^[a-z]+(-[a-z]+)*$", true],
    ["^([01]\\d|2[0-3]):?([0-5]\\d)$", true],
    // Three ranges or more, a literal run past eight characters, a fixed run past nine: V8's regex (with the run
    // written out, pattern-v8-source.ts) is as fast or faster.
    ["^[0-9]{13}$", false],
    ["^tunnel_[a-z0-9]{32}$", false],
    ["^MG[0-9a-fA-F]{32}$", false],
    ["^[a-zA-Z0-9_-]+$", false],
    ["^/v1/balance_transactions", false],
  ])("%s → %s", (pattern, compiled) => {
    expect(patternMatcher(pattern, false) !== undefined).toBe(compiled);
  });
});

describe("patternMatcher: generated validators.ts", () => {
  afterAll(cleanupScratch);

  it(
    "compiles under the strictest profile with every matcher and automaton shape in it",
    { timeout: 120_000 },
    async () => {
      const dir = await generateInto(path.join(import.meta.dirname, "pattern-matchers.yaml"), "pattern-matchers");
      const code = readFileSync(path.join(dir, "validators.ts"), "utf8");
      // Ten patterns as matchers and four as automata (pattern-dfa.ts): no RegExp, no $short, no RE2 import.
      expect(code.match(/\{ test: \(/g)?.length).toBe(14);
      expect(code.match(/switch \(q\)/g)?.length).toBe(4);
      expect(code).not.toMatch(/new RegExp|\$short|\$re2/);
      const result = await typecheck(dir, { strictest: true });
      expect(strictestProblems(result.output)).toEqual([]);
    },
  );
});
