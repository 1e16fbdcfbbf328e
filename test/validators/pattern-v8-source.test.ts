/**
 * V8 runs spec patterns rewritten (pattern-v8-source.ts): capturing groups as non-capturing ones, fixed counts
 * written out. Each rewrite table by table, and the differential property that the rewritten RegExp gives the
 * verdict of the pattern as written.
 */
import { describe, expect, it } from "vitest";
import { expandCounts, v8Source, withoutCaptures } from "../../generator/emit/validators/pattern-v8-source.js";
import { agreesWithRegExp } from "./pattern-oracle.js";

describe("withoutCaptures", () => {
  it.each([
    ["^([a-z0-9]+\\.)*[a-z]+$", "^(?:[a-z0-9]+\\.)*[a-z]+$"],
    ["^([01]\\d|2[0-3]):?([0-5]\\d)$", "^(?:[01]\\d|2[0-3]):?(?:[0-5]\\d)$"],
    ["^((a+)b)*$", "^(?:(?:a+)b)*$"],
    ["^(?<year>\\d{4})-(?<month>\\d{2})$", "^(?:\\d{4})-(?:\\d{2})$"],
    ["^(?:ab|cd)*$", "^(?:ab|cd)*$"],
    ["(?=a)(?!b)(?<=c)(?<!d)", "(?=a)(?!b)(?<=c)(?<!d)"],
    // Escaped parentheses and parentheses in a class are characters, not groups.
    ["^\\(x\\)$", "^\\(x\\)$"],
    ["^[(][^)]*[)](y)$", "^[(][^)]*[)](?:y)$"],
    ["^[\\](](z)$", "^[\\](](?:z)$"],
    ["^[\\\\](w)$", "^[\\\\](?:w)$"],
    // `[]` matches nothing and `[^]` anything: the `]` right after them closes the class.
    ["^[^](v)$", "^[^](?:v)$"],
    ["^[](u)$", "^[](?:u)$"],
    ["^\\u0028(t)\\x29$", "^\\u0028(?:t)\\x29$"],
    // A backreference reads a capture (and without groups `\1` would change meaning): left as written.
    ["^(a)\\1$", "^(a)\\1$"],
    ["^(?<q>a)\\k<q>$", "^(?<q>a)\\k<q>$"],
    ["^(a)[\\1]$", "^(a)[\\1]$"],
  ])("%s → %s", (source, expected) => {
    expect(withoutCaptures(source)).toBe(expected);
  });
});

describe("expandCounts", () => {
  const hex = "[0-9a-fA-F]";
  it.each([
    ["^AC[0-9a-fA-F]{32}$", `^AC${hex.repeat(32)}$`],
    ["^[0-9]{13}$", `^${"[0-9]".repeat(13)}$`],
    ["^\\d{3}\\.x{2}.{2}$", "^\\d\\d\\d\\.xx..$"],
    ["^\\p{Lu}{2}[\\]]{2}$", "^\\p{Lu}\\p{Lu}[\\]][\\]]$"],
    // The n copies a count of two to 64 requires, then the rest of the count; lazy counts and counts under two or
    // over 64 keep their text.
    ["^c{2,3}d{2,}f{3,3}[a-z]{20,40}$", `^ccc{0,1}ddd*fff${"[a-z]".repeat(20)}[a-z]{0,20}$`],
    ["^a{1}b{65}g{0,4}e{2}?h{2,5}?$", "^a{1}b{65}g{0,4}e{2}?h{2,5}?$"],
    ["^(?:ab){3}$", "^(?:ab){3}$"],
    ["^\\b{2}$", "^\\b{2}$"],
    // Surrogates and \u escapes (one atom or two, by flag), backreferences: left as written.
    ["^\\u0041{3}$", "^\\u0041{3}$"],
    ["^😀{3}$", "^😀{3}$"],
    ["^(a)\\1{2}$", "^(a)\\1{2}$"],
  ])("%s → %s", (source, expected) => {
    expect(expandCounts(source)).toBe(expected);
  });

  it("keeps counts as written without the u flag, where \\p{L} and \\01 are other things", () => {
    expect(v8Source("^\\p{L}{3}\\01{2}(x)$", "")).toBe("^\\p{L}{3}\\01{2}(?:x)$");
  });

  it("adds at most 4,096 characters", () => {
    const source = `^${`${hex}{64}`.repeat(10)}$`;
    const out = expandCounts(source);
    expect(out.length - source.length).toBeLessThanOrEqual(4096);
    expect(out).not.toBe(source);
    expect(new RegExp(out, "u").test("a".repeat(640))).toBe(true);
    expect(new RegExp(out, "u").test("a".repeat(639))).toBe(false);
  });
});

describe("v8Source", () => {
  it.each([
    "^([a-z0-9]+\\.)*[a-z]+$",
    "^([01]\\d|2[0-3]):?([0-5]\\d)$",
    "^((a+)b)*$",
    "^(?<year>\\d{4})-(?<month>\\d{2})$",
    "^[(][^)]*[)](y)$",
    "^[\\](](z)$",
    "^[^](v)$",
    "^(ab|cd){2,3}(-(x|y))?$",
    "^(\\p{L}+\\s)*\\p{L}+$",
    "^AC[0-9a-fA-F]{32}$",
    "^tunnel_[a-z0-9]{32}$",
    "^\\d{3}-\\d{2,4}(\\.\\w{2})?$",
    "^.{3}x{2}\\p{Lu}{2}$",
    "^[^](?<a>b{2}){2}\\.{2}$",
    "^[a-z]{3,5}-\\d{2,}(x{2,3})?$",
  ])("%s: the rewritten RegExp gives the pattern's verdict", (source) => {
    const rewritten = new RegExp(v8Source(source, "u"), "u");
    agreesWithRegExp((value) => rewritten.test(value), source);
  });
});
