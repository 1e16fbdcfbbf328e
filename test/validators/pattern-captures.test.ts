/**
 * V8 runs spec patterns with their capturing groups rewritten as non-capturing ones (pattern-captures.ts): the
 * rewrite, table by table, and the differential property that the rewritten RegExp gives the verdict of the
 * pattern as written.
 */
import { describe, expect, it } from "vitest";
import { withoutCaptures } from "../../generator/emit/validators/pattern-captures.js";
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
  ])("%s: the rewritten RegExp gives the pattern's verdict", (source) => {
    const rewritten = new RegExp(withoutCaptures(source), "u");
    agreesWithRegExp((value) => rewritten.test(value), source);
  });
});
