/**
 * Which engine runs a spec pattern. V8's RegExp backtracks, so it gets only patterns this conservative checker
 * proves run in linear time on every input; every other pattern runs on RE2 (re2js, linear whatever the pattern
 * but several times slower). A pattern neither can run (backreferences, lookaround) is reported at generation time.
 *
 * The proof: the pattern parses into sequences of single-character atoms (literal, class, escape, `.`) and groups.
 * - An unbounded quantifier (`*`, `+`, `{n,}`) may only apply to a single-character atom whose characters cannot
 *   start what follows it: the engine then never has to give characters back (no backtracking into the loop).
 * - Groups contain no unbounded quantifier; the choices they leave (alternatives, optional or bounded repeats)
 *   multiply to at most MAX_CHOICES, a constant, so backtracking costs at most a constant factor.
 * - Except a top-level group repeated without bound (`^[a-z]+(-[a-z]+)*$`) whose every decision the next character
 *   makes (see `deterministic`): a wrong choice fails on its first character, so nothing is retried at length.
 * - Or a top-level repeated group whose passes each end with a delimiter character found nowhere else in the group
 *   nor after it (`^([a-z0-9]+\.)*[a-z]+$`, see `delimited`): each pass is decided, and what follows the group,
 *   tried after each pass on the way back, stops at the next delimiter.
 * - A pattern with an unbounded quantifier must be anchored with `^` (otherwise V8 retries at every position).
 */
import { RE2JS } from "re2js";
import { PatternGrammar, type Item, type Ranges } from "./pattern-grammar.js";

/**
 * `v8-short`: linear on V8, but V8 keeps a backtrack entry per pass through a repeated group (and, seen once, per
 * pass of a plain `+` loop) and overflows its stack near 10 MB, so for any pattern with an unbounded quantifier
 * strings longer than SHORT_PATTERN_INPUT go to RE2 (runtime/re2-pattern.ts `$short`). `v8`: bounded patterns.
 */
export type PatternEngine =
  { engine: "v8" | "v8-short"; flags: string } | { engine: "re2" } | { engine: "none"; reason: string };

export type { Item, Ranges } from "./pattern-grammar.js";

const MAX_CHOICES = 256;
/** `*`, `+` or `{n,}` anywhere (an escaped one too: over-approximating only sends more input to RE2). */
const UNBOUNDED = /[*+]|\{\d+,\}/;
const ALL: Ranges = [[0, 0x10ffff]];
export const DIGIT: Ranges = [[48, 57]];
export const WORD: Ranges = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
export const SPACE: Ranges = [
  [9, 13],
  [32, 32],
  [160, 160],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

export class NotLinear extends Error {}

export function complement(set: Ranges): Ranges {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

export function overlaps(a: Ranges, b: Ranges): boolean {
  return a.some(([lo, hi]) => b.some(([l2, h2]) => lo <= h2 && l2 <= hi));
}

/** A tiny recursive-descent parser for the ECMAScript pattern subset the proof handles; anything else throws. */
class Parser extends PatternGrammar {
  protected readonly refusesLoneBrace = false;

  protected refuse(reason: string): Error {
    return new NotLinear(reason);
  }

  protected atom(): Item {
    const c = this.s[this.i++] as string;
    if (c === "^") return { assert: "start", min: 1, max: 1 };
    if (c === "$") return { assert: "end", min: 1, max: 1 };
    if (c === ".") return { set: ALL, min: 1, max: 1 };
    if (c === "[") return { set: this.charClass(), min: 1, max: 1 };
    if (c === "(") {
      if (this.s[this.i] === "?") {
        if (this.s[this.i + 1] === ":") this.i += 2;
        else if (this.s[this.i + 1] === "<" && /[A-Za-z_$]/.test(this.s[this.i + 2] ?? "")) {
          this.i = this.s.indexOf(">", this.i) + 1;
        } else throw new NotLinear("lookaround");
      }
      const group = this.alternatives();
      if (this.s[this.i++] !== ")") throw new NotLinear("unbalanced group");
      return { group, min: 1, max: 1 };
    }
    if (c === "\\") {
      const e = this.s[this.i] ?? "";
      if (e === "b" || e === "B") {
        this.i++;
        return { assert: "boundary", min: 1, max: 1 };
      }
      return { set: this.escape(), min: 1, max: 1 };
    }
    if ("*+?{}])|".includes(c)) throw new NotLinear(`unexpected ${c}`);
    const code = this.s.codePointAt(this.i - 1) as number;
    if (code > 0xffff) this.i++;
    return { set: [[code, code]], min: 1, max: 1 };
  }

  private escape(): Ranges {
    const e = this.s[this.i++] ?? "";
    const simple: Record<string, Ranges> = { d: DIGIT, w: WORD, s: SPACE };
    if (simple[e]) return simple[e];
    const negated = simple[e.toLowerCase()];
    if (negated) return complement(negated);
    if (/[1-9k]/.test(e)) throw new NotLinear("backreference");
    if (e === "p" || e === "P") {
      this.i = this.s.indexOf("}", this.i) + 1;
      return ALL;
    }
    const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, "0": 0 };
    if (e in controls) return [[controls[e] as number, controls[e] as number]];
    if (e === "x" || (e === "u" && this.s[this.i] !== "{")) {
      const n = e === "x" ? 2 : 4;
      const code = parseInt(this.s.slice(this.i, this.i + n), 16);
      this.i += n;
      return [[code, code]];
    }
    if (e === "u") {
      const end = this.s.indexOf("}", this.i);
      const code = parseInt(this.s.slice(this.i + 1, end), 16);
      this.i = end + 1;
      return [[code, code]];
    }
    if (e === "c") {
      this.i++;
      return ALL;
    }
    const code = e.codePointAt(0) ?? 0;
    return [[code, code]];
  }

  private charClass(): Ranges {
    const negate = this.s[this.i] === "^";
    if (negate) this.i++;
    const set: Ranges = [];
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      const lo = this.classAtom();
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && lo.length === 1 && lo[0]?.[0] === lo[0]?.[1]) {
        this.i++;
        const hi = this.classAtom();
        set.push([lo[0]?.[0] ?? 0, hi[0]?.[1] ?? 0x10ffff]);
      } else set.push(...lo);
    }
    if (this.s[this.i++] !== "]") throw new NotLinear("unterminated class");
    return negate ? complement(set) : set;
  }

  private classAtom(): Ranges {
    const c = this.s[this.i++] as string;
    if (c === "\\") return this.s[this.i] === "b" ? (this.i++, [[8, 8]]) : this.escape();
    const code = this.s.codePointAt(this.i - 1) as number;
    if (code > 0xffff) this.i++;
    return [[code, code]];
  }
}

export function nullable(items: Item[]): boolean {
  return items.every((item) => item.assert || item.min === 0 || (item.group?.some(nullable) ?? false));
}

/** Characters that can start the items from `k` on, followed by `follow` when all of them can be skipped. */
export function firstOf(items: Item[], k: number, follow: Ranges): Ranges {
  const out: Ranges = [];
  for (let j = k; j < items.length; j++) {
    const item = items[j] as Item;
    if (item.assert === "start" || item.assert === "end") return out;
    if (item.assert) continue;
    out.push(...(item.set ?? (item.group ?? []).flatMap((alt) => firstOf(alt, 0, follow))));
    if (!(item.min === 0 || (item.group?.some(nullable) ?? false))) return out;
  }
  return [...out, ...follow];
}

function unbounded(alts: Item[][]): boolean {
  return alts.some((alt) => alt.some((item) => item.max === Infinity || (item.group && unbounded(item.group))));
}

/** The number of choices a backtracking engine may revisit; throws when the sequence is not provably linear. */
function choices(items: Item[], follow: Ranges, inGroup: boolean): number {
  let total = 1;
  items.forEach((item, k) => {
    const after = firstOf(items, k + 1, follow);
    if (item.group) {
      if (item.max === Infinity || unbounded(item.group)) {
        // Outside other groups, a repeated group is allowed when every decision in it is made by one character.
        if (inGroup) throw new NotLinear("unbounded repetition inside a group");
        try {
          deterministic([item], after);
        } catch (error) {
          if (!(error instanceof NotLinear)) throw error;
          delimited(item, items.slice(k + 1));
        }
        return;
      }
      const inner = item.group.reduce((sum, alt) => sum + choices(alt, after, true), 0);
      total *= inner ** Math.max(1, item.max) * (item.max - item.min + 1);
    } else if (item.set && item.max !== item.min) {
      const ambiguous = overlaps(item.set, after);
      if (item.max === Infinity && (ambiguous || inGroup)) throw new NotLinear("ambiguous repetition");
      if (ambiguous) total *= item.max - item.min + 1;
    }
    if (total > MAX_CHOICES) throw new NotLinear("too many choices");
  });
  return total;
}

/**
 * Throws unless every decision in the sequence is made by the next character alone (LL(1)): each optional or
 * repeated item's first characters are disjoint from what may follow it, and each group's alternatives start with
 * disjoint characters. A backtracking engine then abandons a wrong choice after one character, so a failure
 * unwinds in time linear in the input and the match is tried once (the pattern must be anchored).
 */
export function deterministic(items: Item[], follow: Ranges): void {
  items.forEach((item, k) => {
    const after = firstOf(items, k + 1, follow);
    if (item.assert) throw new NotLinear("assertion in a repeated group");
    if (item.set) {
      if (item.min !== item.max && overlaps(item.set, after)) throw new NotLinear("ambiguous repetition");
      return;
    }
    const alts = item.group ?? [];
    if (alts.some(nullable)) throw new NotLinear("group that can match nothing");
    const first = alts.flatMap((alt) => firstOf(alt, 0, []));
    // After one pass through the group comes either another pass or what follows the group.
    const inner = item.max > 1 ? [...first, ...after] : after;
    const starts = alts.map((alt) => firstOf(alt, 0, []));
    starts.forEach((set, i) => {
      if (starts.slice(i + 1).some((other) => overlaps(set, other))) throw new NotLinear("ambiguous alternatives");
    });
    for (const alt of alts) deterministic(alt, inner);
    if (item.min !== item.max && overlaps(first, after)) throw new NotLinear("ambiguous repetition of a group");
  });
}

/** Every character set in the items, nested groups included. */
function setsOf(items: Item[]): Ranges[] {
  return items.flatMap((item) => (item.set ? [item.set] : (item.group ?? []).flatMap(setsOf)));
}

/**
 * Throws unless the repeated group is delimited: every alternative ends with one mandatory character from a set D
 * (the delimiter) that nothing else in the group matches, the alternatives start with disjoint characters and are
 * otherwise LL(1) (`deterministic`), and the rest of the sequence never matches a character of D and repeats no
 * group. Then, from a given position, a pass matches at most one way and ends at the first delimiter, so the passes
 * land on fixed positions s0 < s1 < … < sK. A backtracking engine retries the rest after each of them, once, on the
 * way back; from s(j) the rest cannot read past the delimiter that ends pass j+1, so those tries read each character
 * a bounded number of times in total: linear. (`^([a-z0-9]+\.)*.*$` fails the rule: `.*` reads past every delimiter,
 * and its tries would cost n²/2.)
 */
function delimited(item: Item, rest: Item[]): void {
  const alts = item.group ?? [];
  const delimiter: Ranges = [];
  for (const alt of alts) {
    const last = alt[alt.length - 1];
    if (!last?.set || last.min !== 1 || last.max !== 1) throw new NotLinear("repeated group without a delimiter");
    delimiter.push(...last.set);
  }
  const starts = alts.map((alt) => firstOf(alt, 0, []));
  starts.forEach((set, i) => {
    if (starts.slice(i + 1).some((other) => overlaps(set, other))) throw new NotLinear("ambiguous alternatives");
  });
  for (const alt of alts) {
    deterministic(alt, []);
    if (setsOf(alt.slice(0, -1)).some((set) => overlaps(set, delimiter))) {
      throw new NotLinear("delimiter matched inside the group");
    }
  }
  if (setsOf(rest).some((set) => overlaps(set, delimiter))) throw new NotLinear("delimiter matched after the group");
  if (rest.some((next) => next.group && unbounded([[next]]))) throw new NotLinear("another repeated group follows");
}

/** Whether V8 runs the pattern in linear time, and whether a group repeats without bound (its stack grows). */
function analyse(source: string): { linear: boolean; repeatedGroup: boolean } {
  try {
    const parser = new Parser(source);
    const alts = parser.alternatives();
    if (parser.i !== source.length) return { linear: false, repeatedGroup: false };
    for (const alt of alts) {
      choices(alt, [], false);
      if (unbounded([alt]) && alt[0]?.assert !== "start") return { linear: false, repeatedGroup: false };
    }
    const repeatedGroup = alts.some((alt) => alt.some((item) => item.group && unbounded([[item]])));
    return { linear: true, repeatedGroup };
  } catch {
    return { linear: false, repeatedGroup: false };
  }
}

export function provablyLinear(source: string): boolean {
  return analyse(source).linear;
}

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** The engine for one pattern (with the `u` flag when the pattern is valid Unicode-mode syntax, as JSON Schema asks). */
export function choosePatternEngine(source: string): PatternEngine {
  const flags = compiles(source, "u") ? "u" : compiles(source, "") ? "" : undefined;
  if (flags === undefined) return { engine: "none", reason: "it is not a valid ECMAScript regular expression" };
  const { linear, repeatedGroup } = analyse(source);
  // Any unbounded loop goes to RE2 on very long input too: V8 ran `^[a-z]+_[0-9]+$` on 10 MB in isolation but
  // threw a stack-overflow RangeError on it once inside a long test run, so its backtrack stack is not to be trusted
  // at that size. Up to SHORT_PATTERN_INPUT characters V8 answers; beyond, RE2 (linear, no stack).
  if (linear) return { engine: repeatedGroup || UNBOUNDED.test(source) ? "v8-short" : "v8", flags };
  try {
    RE2JS.compile(RE2JS.translateRegExp(source));
    return { engine: "re2" };
  } catch {
    return {
      engine: "none",
      reason:
        "it needs a backtracking engine (backreference or lookaround), which a crafted string can make run for " +
        "hours; no linear-time engine accepts it",
    };
  }
}
