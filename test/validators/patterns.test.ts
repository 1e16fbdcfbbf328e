/**
 * Which engine runs a spec pattern: V8 only when the conservative checker proves it linear, RE2 otherwise, and a
 * generation error when neither can (backreferences, lookaround) or the text is not an ECMAScript regex.
 */
import { describe, expect, it } from "vitest";
import { choosePatternEngine, provablyLinear } from "../../generator/emit/validators/patterns.js";
import { $short, SHORT_PATTERN_INPUT } from "../../generator/runtime/re2-pattern.js";
import { v8Source } from "../../generator/emit/validators/pattern-v8-source.js";

describe("provablyLinear", () => {
  it.each([
    ["^MG[0-9a-fA-F]{32}$", true],
    ["^[a-zA-Z0-9_-]+$", true],
    ["^([01]\\d|2[0-3]):?([0-5]\\d)$", true],
    ["^/v1/balance_transactions", true],
    ["^\\d+\\.\\d+$", true],
    ["^\\+?[1-9]\\d{1,14}$", true],
    ["^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$", true],
    ["abc", true],
    ["^(a+)+$", false],
    ["^(a|aa)+$", false],
    ["^a*a*$", false],
    ["^\\d+\\d+$", false],
    ["a+b", false],
    ["f.*o", false],
    ["^[a-z]+(-[a-z]+)*$", true],
    ["^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*@[a-z]+$", true],
    ["^(ab|cd)*$", true],
    ["^((a+)b)*$", true],
    ["^(a(b)*)*c$", true],
    ["^(a|ab)*$", false],
    // Delimited repeated groups: each pass ends with a character nothing else in the group or after it matches.
    ["^([a-z]+\\.)*[a-z]+$", true],
    ["^([a-z0-9]+\\.)*[a-z]+$", true],
    ["^(\\d{3}-)*\\d{4}$", true],
    ["^([a-z]+\\.|[0-9]+,)+[a-z]+$", true],
    ["^([a-z.]+\\.)*[a-z]+$", false],
    ["^([a-z0-9]+\\.)*.*$", false],
    ["^([a-z0-9]+\\.)*[a-z.]+$", false],
    ["^([a-z]+\\.)*[a-z]+\\.?$", false],
    ["^([a-z]+\\.|[a-z]+,)+[a-z]+$", false],
    ["^([a-z]+\\.)*[a-z]+(-[a-z]+)*$", false],
    ["^(a?[a-z]\\.)*x$", false],
    ["^([a-z]+\\.?)*x$", false],
    ["^(([a-z]+\\.)*x)*$", false],
    ["^(a*)*$", false],
    ["^(a|)*$", false],
    ["^(a+b?)*$", false],
    ["^(a$)*$", false],
    ["(ab)*c", false],
    ["^x((a|b)+)?$", true],
    ["(?=a)b", false],
    ["(a)\\1", false],
    ["^(a?){20}a{20}$", false],
  ])("%s → %s", (pattern, linear) => {
    expect(provablyLinear(pattern)).toBe(linear);
  });
});

describe("choosePatternEngine", () => {
  it.each([
    ["^[0-9]{13}$", "v8"],
    ["^(a+)+$", "re2"],
    ["^[a-z]+(-[a-z]+)*$", "v8-short"],
    ["^(?:ab|cd)*$", "v8-short"],
    ["^([a-z]+\\.)*[a-z]+$", "v8-short"],
    ["^([a-z]+\\.)*.*$", "re2"],
    ["(?<=a)b", "none"],
    ["^(a)\\1$", "none"],
    ["(", "none"],
  ])("%s → %s", (pattern, engine) => {
    expect(choosePatternEngine(pattern).engine).toBe(engine);
  });

  it("a linear pattern with an unbounded loop runs on V8 up to SHORT_PATTERN_INPUT and on RE2 beyond (10 MB)", () => {
    const big = "a".repeat(10 * 2 ** 20);
    for (const pattern of ["^[a-z]+$", "^[a-z]+_[0-9]+$", "^\\w+\\.\\w+$", "^.*$"]) {
      const choice = choosePatternEngine(pattern);
      expect(choice).toMatchObject({ engine: "v8-short" });
      const re = $short(pattern, choice.engine === "v8-short" ? choice.flags : "");
      expect(re.test(`${big.slice(0, SHORT_PATTERN_INPUT - 1)}!`)).toBe(pattern === "^.*$");
      expect(re.test(`${big}!`)).toBe(pattern === "^.*$");
    }
  });

  it("bounded linear patterns run on V8 whatever the input's length", () => {
    for (const pattern of ["^[0-9]{13}$", "^[a-z]{2,8}-[0-9]{1,3}$", "^(?:ab|cd){0,4}$"]) {
      expect(choosePatternEngine(pattern)).toMatchObject({ engine: "v8" });
    }
  });

  it("a repeated group runs on V8 up to SHORT_PATTERN_INPUT characters and on RE2 beyond (10 MB passes)", () => {
    // Strings that make a backtracking engine retry every split, at the limit and at 10 MB.
    const cases: Array<[string, (n: number) => string, boolean]> = [
      ["^[a-z]+(-[a-z]+)*$", (n) => `${"a-".repeat(n / 2)}!`, false],
      ["^((a+)b)*$", (n) => `${"ab".repeat(n / 2)}a`, false],
      ["^(ab|cd)*$", (n) => "abcd".repeat(n / 4), true],
      // Delimited groups: every pass boundary is an exit the engine retries on the way back (the rest `[a-z]+$`
      // from each of them), a run with no delimiter is given back character by character, a digit fails the rest.
      // Were those retries not bounded by the next delimiter, 100,000 characters would cost billions of steps.
      ["^([a-z0-9]+\\.)*[a-z]+$", (n) => `${"a.".repeat(n / 2)}!`, false],
      ["^([a-z0-9]+\\.)*[a-z]+$", (n) => `${"ab0.".repeat(n / 4)}9`, false],
      ["^([a-z0-9]+\\.)*[a-z]+$", (n) => `${"a".repeat(n)}.`, false],
      ["^([a-z0-9]+\\.)*[a-z]+$", (n) => `${"a".repeat(n)}0`, false],
      ["^([a-z0-9]+\\.)*[a-z]+$", (n) => `${"a1.".repeat(n / 4)}abc`, true],
      ["^(\\d{3}-)*\\d{4}$", (n) => `${"123-".repeat(n / 4)}12345`, false],
    ];
    for (const [pattern, text, expected] of cases) {
      const choice = choosePatternEngine(pattern);
      expect(choice).toMatchObject({ engine: "v8-short" });
      // As validators.ts runs it (pattern-v8-source.ts), which must not cost V8 more stack.
      const flags = choice.engine === "v8-short" ? choice.flags : "";
      const re = $short(v8Source(pattern, flags), flags);
      expect(re.test(text(SHORT_PATTERN_INPUT - 4))).toBe(expected);
      // RE2 past the limit (10 MB once: RE2 takes about two seconds on it).
      expect(re.test(text(pattern.startsWith("^[a-z]") ? 10 * 2 ** 20 : 2 * SHORT_PATTERN_INPUT))).toBe(expected);
    }
  });
});
