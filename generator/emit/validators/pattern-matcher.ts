/**
 * Spec patterns compiled at generation time into a straight char-code matcher (`{ test(s) }`), when that is provably
 * the same test as `new RegExp(source, "u")`: the pattern is anchored with `^` and parses exactly
 * (pattern-parse.ts), and every decision in it is made by the next character alone (patterns.ts `deterministic`,
 * LL(1)). A matcher that consumes greedily and never gives a character back then accepts exactly the strings the
 * regex accepts: at every loop or alternative the next character (or the end) rules out all choices but one, so the
 * only accepting path is the one the matcher walks. It reads each character once: linear on any input, no stack,
 * no RE2 fallback for long strings. Everything else keeps V8 or RE2 (patterns.ts).
 *
 * Without `$` the test is "some prefix matches": trailing optional items are dropped and a trailing loop keeps its
 * minimum (a prefix with more passes has one with fewer), and what remains must be LL(1) with any character allowed
 * after it, so no decision can be ended early by a shorter prefix.
 *
 * The code holds no spec text at all: only character codes and counts, written with `num`.
 */
import { EMPTY, join, num, ts, type Code } from "../code.js";
import { CODE_POINT_READ } from "./code-point-read.js";
import { ExactParser, Unsupported } from "./pattern-parse.js";
import { deterministic, firstOf, NotLinear, type Item, type Ranges } from "./patterns.js";

const ANY: Ranges = [[0, 0x10ffff]];
/**
 * Measured (CPU-time micro-bench, ADR 0114): V8's compiled regex is as fast or faster per character once a class
 * needs three or more ranges (`[0-9a-fA-F]`, `[a-zA-Z0-9_-]`), on literal runs past a few characters, and on fixed
 * runs past about ten characters once V8 runs them written out (pattern-v8-source.ts: `^[0-9]{13}$` 41 ns against the
 * matcher's 57, `{10}` 42 against 46, `{8}` 57 against 40); the matcher wins (1.1-2×) by saving the
 * `RegExp.prototype.test` call on short inputs with simple classes. So the generator emits one only within these limits.
 */
export const MEASURED_LIMITS = { ranges: 2, literal: 8, count: 9 };
/** No cost limit: every pattern the proof accepts (the equivalence tests use it to reach every construct). */
export const NO_LIMITS = { ranges: Infinity, literal: Infinity, count: Infinity };
export type Limits = typeof MEASURED_LIMITS;
const MAX_DEPTH = 4;

/** Sorted, with touching or overlapping ranges merged. */
export function normalise(set: Ranges): Ranges {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function allSets(items: Item[]): Ranges[] {
  return items.flatMap((item) => (item.set ? [item.set] : (item.group ?? []).flatMap(allSets)));
}

/** The items between the anchors, and whether the end is anchored; undefined when the shape is not compiled. */
function plan(source: string, limits: Limits): { items: Item[]; end: boolean } | undefined {
  let alts: Item[][];
  try {
    const parser = new ExactParser(source);
    alts = parser.alternatives();
    if (parser.i !== source.length) return undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const [seq] = alts;
  if (alts.length !== 1 || !seq || seq[0]?.assert !== "start") return undefined;
  const end = seq[seq.length - 1]?.assert === "end" && seq.length > 1;
  const items = seq.slice(1, end ? -1 : undefined);
  if (!end) {
    // Prefix test: what a shorter prefix already satisfies is dropped.
    while (items.length > 0 && (items[items.length - 1] as Item).min === 0) items.pop();
    const last = items[items.length - 1];
    if (last) items[items.length - 1] = { ...last, max: last.min };
  }
  try {
    deterministic(items, end ? [] : ANY);
  } catch (error) {
    if (error instanceof NotLinear) return undefined;
    throw error;
  }
  if (allSets(items).some((set) => normalise(set).length > limits.ranges)) return undefined;
  return { items, end };
}

class Writer {
  /** Sets reach surrogates or astral code points: read code points, as the `u` flag does. */
  readonly wide: boolean;
  readonly counters = new Set<number>();
  usesChar = false;

  constructor(
    items: Item[],
    private readonly limits: Limits,
  ) {
    this.wide = allSets(items).some((set) => set.some(([, hi]) => hi >= 0xd800));
  }

  /**
   * `c` set to the character at `i`, -1 at the end. Every read is bounds-checked: a read past the end (NaN or
   * undefined) would turn `c` into a double and the function's code into a slower one.
   */
  get peek(): Code {
    this.usesChar = true;
    return this.wide ? ts`if (i < n) { ${CODE_POINT_READ} } else c = -1;` : ts`c = i < n ? s.charCodeAt(i) : -1;`;
  }

  get advance(): Code {
    return this.wide ? ts`i += c > 65535 ? 2 : 1;` : ts`i++;`;
  }

  test(set: Ranges): Code {
    const parts = normalise(set).map(([lo, hi]) =>
      lo === hi
        ? ts`c === ${num(lo)}`
        : hi === 0x10ffff
          ? ts`c >= ${num(lo)}`
          : ts`(c >= ${num(lo)} && c <= ${num(hi)})`,
    );
    return parts.length === 0 ? ts`false` : join(parts, " || ");
  }

  counter(depth: number): Code {
    this.counters.add(depth);
    return ts`k${num(depth)}`;
  }

  sequence(items: Item[], depth: number): Code[] {
    if (depth > MAX_DEPTH) throw new Unsupported("nested too deep");
    const out: Code[] = [];
    for (let k = 0; k < items.length; k++) {
      const run = this.literalRun(items, k);
      if (run.length > 0) {
        out.push(this.literal(run));
        k += run.length - 1;
        continue;
      }
      const item = items[k] as Item;
      out.push(item.set ? this.loop(item, item.set, depth) : this.group(item, depth));
    }
    return out;
  }

  /** Consecutive BMP code points matched exactly once (no surrogate: a lone one is not half a pair). */
  private literalRun(items: Item[], from: number): number[] {
    const run: number[] = [];
    for (let k = from; k < items.length; k++) {
      const item = items[k] as Item;
      const [range] = item.set ?? [];
      if (!range || item.set?.length !== 1 || range[0] !== range[1] || item.min !== 1 || item.max !== 1) break;
      if (range[0] >= 0xd800) break;
      run.push(range[0]);
    }
    return run;
  }

  private literal(run: number[]): Code {
    if (run.length > this.limits.literal) throw new Unsupported("long literal");
    const checks = run.map((code, k) => ts`s.charCodeAt(i${k === 0 ? EMPTY : ts` + ${num(k)}`}) !== ${num(code)}`);
    return ts`if (i + ${num(run.length)} > n || ${join(checks, " || ")}) return false; i += ${num(run.length)};`;
  }

  /** A set repeated min..max times, greedily (LL(1): what follows cannot start with one of its characters). */
  private loop(item: Item, set: Ranges, depth: number): Code {
    if (item.max === 0) return EMPTY;
    if (item.min > this.limits.count) throw new Unsupported("long fixed run");
    const test = this.test(set);
    if (!this.wide) {
      this.usesChar = true;
      const read = ts`c = s.charCodeAt(i);`;
      if (item.min === 0 && item.max === 1) return ts`if (i < n) { ${read} if (${test}) i++; }`;
      if (item.min === item.max) {
        if (item.min === 1) return ts`if (i >= n) return false; ${read} if (!(${test})) return false; i++;`;
        const count = num(item.min);
        return ts`if (i + ${count} > n) return false; for (const e = i + ${count}; i < e; i++) { ${read} if (!(${test})) return false; }`;
      }
      // One code unit per character: the count is the distance from where the loop started.
      const k = this.counter(depth);
      const bound = item.max === Infinity ? EMPTY : ts` && i - ${k} < ${num(item.max)}`;
      const body = ts`for (${k} = i; i < n${bound}; i++) { ${read} if (!(${test})) break; }`;
      return item.min === 0 ? body : ts`${body} if (i - ${k} < ${num(item.min)}) return false;`;
    }
    const k = this.counter(depth);
    const bound = item.max === Infinity ? ts`;` : ts` ${k} < ${num(item.max)};`;
    const body = ts`for (${k} = 0;${bound} ${k}++) { ${this.peek} if (!(${test})) break; ${this.advance} }`;
    return item.min === 0 ? body : ts`${body} if (${k} < ${num(item.min)}) return false;`;
  }

  /**
   * An alternative entered on the character in `c`: when its first item is a mandatory set, that character is
   * already known to be one of it (the alternatives' first characters are disjoint) and is consumed unchecked.
   */
  private entered(alt: Item[], depth: number): Code[] {
    const [first, ...rest] = alt;
    if (!first?.set || first.min < 1) return this.sequence(alt, depth);
    const remaining: Item = { ...first, min: first.min - 1, max: first.max - 1 };
    return [this.advance, ...this.sequence(remaining.max === 0 ? rest : [remaining, ...rest], depth)];
  }

  /** A group: each pass picks its alternative by the next character; passes go on while it can start one. */
  private group(item: Item, depth: number): Code {
    const alts = item.group ?? [];
    if (item.max === 0) return EMPTY;
    if (alts.length === 1 && item.min === 1 && item.max === 1) return join(this.sequence(alts[0] ?? [], depth), " ");
    const branches = alts.map(
      (alt) => ts`if (${this.test(firstOf(alt, 0, []))}) { ${join(this.entered(alt, depth + 1), " ")} }`,
    );
    const peek = this.peek;
    const choose = (otherwise: Code): Code => ts`${peek} ${join(branches, " else ")} else ${otherwise}`;
    if (item.min === 1 && item.max === 1) return choose(ts`return false;`);
    if (item.min === 0 && item.max === 1) return ts`${peek} ${join(branches, " else ")}`;
    const k = this.counter(depth);
    const bound = item.max === Infinity ? ts`;` : ts` ${k} < ${num(item.max)};`;
    const body = ts`for (${k} = 0;${bound} ${k}++) { ${choose(ts`break;`)} }`;
    return item.min === 0 ? body : ts`${body} if (${k} < ${num(item.min)}) return false;`;
  }
}

/**
 * The matcher object for a spec pattern (`{ test: (s) => … }`), or undefined when the pattern is not one this
 * module proves equivalent (the caller then uses V8 or RE2). `js`: no type annotations (the mock's `new Function`).
 */
export function patternMatcher(source: string, js: boolean, limits: Limits = MEASURED_LIMITS): Code | undefined {
  try {
    new RegExp(source, "u");
  } catch {
    return undefined;
  }
  const shape = plan(source, limits);
  if (!shape) return undefined;
  const writer = new Writer(shape.items, limits);
  let body: Code[];
  try {
    body = writer.sequence(shape.items, 0);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  // `^` alone (or with only optional items, dropped above) matches every string.
  if (!shape.end && body.every((c) => c === EMPTY))
    return js ? ts`{ test: (_) => true }` : ts`{ test: (_: string): boolean => true }`;
  const locals = [
    ts`i = 0`,
    ...(writer.usesChar ? [ts`c = 0`] : []),
    ...[...writer.counters].map((d) => ts`k${num(d)} = 0`),
  ];
  const param = js ? ts`s` : ts`s: string`;
  const result = js ? EMPTY : ts`: boolean`;
  const last = shape.end ? ts`return i === n;` : ts`return true;`;
  const code = join(
    [ts`const n = s.length; let ${join(locals, ", ")};`, ...body.filter((c) => c !== EMPTY), last],
    " ",
  );
  return ts`{ test: (${param})${result} => { ${code} } }`;
}
