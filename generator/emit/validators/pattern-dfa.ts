/**
 * Anchored spec patterns that V8 cannot be proven to run in linear time (patterns.ts), compiled at generation time
 * into a deterministic finite automaton walked over char codes (`{ test(s) }`; ADR 0115) instead of running on
 * RE2. `^(a+)+$` makes a backtracking engine try exponentially many splits of `aaaa…!`; the automaton's state is
 * the set of pattern positions the input so far can end in, so it never backtracks. It reads each character once:
 * linear on any input, no stack.
 *
 * Exactness: the pattern parses exactly (pattern-parse.ts: every set is the code points the `u`-mode regex
 * matches); the automaton is the position (Glushkov) automaton of that expression, made deterministic by the subset
 * construction over the classes of characters every set treats alike, then minimised. It accepts exactly the
 * language of the expression, and `RegExp.prototype.test` of an anchored pattern asks exactly membership (with `$`)
 * or membership of some prefix (without `$`: the walk answers true on reaching an accepting state). Captures and
 * laziness do not change which strings match. Anything the parser does not model exactly, an assertion inside the
 * pattern, or an automaton past the limits keeps the regex engine.
 *
 * The code holds no spec text: only character codes, counts and state numbers, written with `num`.
 */
import { EMPTY, join, num, ts, type Code } from "../code.js";
import { CODE_POINT_READ } from "./code-point-read.js";
import { normalise } from "./pattern-matcher.js";
import { ExactParser, Unsupported } from "./pattern-parse.js";
import type { Item, Ranges } from "./patterns.js";

export interface DfaLimits {
  /** States of the minimal automaton. */
  states: number;
  /** Ranges in one transition's test. */
  ranges: number;
}
/**
 * Only patterns that would otherwise run on RE2 (re2js, linear but several times slower than V8) get an automaton,
 * if small. For a pattern V8 runs in linear time (`^([a-z0-9]+\.)*[a-z]+$`) the walk was measured no faster than
 * V8's compiled regex (ADR 0115): each step reads `charCodeAt`, whose string-representation dispatch costs about
 * what irregexp's loop does per character, so V8 keeps those.
 */
export const DFA_LIMITS: DfaLimits = { states: 32, ranges: 16 };
/** Positions (sets after expanding counted repeats) the construction starts from. */
const MAX_POSITIONS = 64;

type Node = { pos: number } | { cat: Node[] } | { alt: Node[] } | { star: Node } | { opt: Node };

/** The expression with one position per occurrence of a set (counted repeats written out). */
class Expression {
  readonly sets: Ranges[] = [];

  sequence(items: Item[]): Node {
    return { cat: items.map((item) => this.item(item)) };
  }

  private item(item: Item): Node {
    if (item.assert) throw new Unsupported("assertion inside the pattern");
    const atom = (): Node => {
      if (item.set) {
        if (this.sets.length >= MAX_POSITIONS) throw new Unsupported("too many positions");
        this.sets.push(item.set);
        return { pos: this.sets.length - 1 };
      }
      return { alt: (item.group ?? []).map((seq) => this.sequence(seq)) };
    };
    const parts: Node[] = [];
    for (let k = 0; k < item.min; k++) parts.push(atom());
    if (item.max === Infinity) parts.push({ star: atom() });
    else for (let k = item.min; k < item.max; k++) parts.push({ opt: atom() });
    return { cat: parts };
  }
}

interface Glushkov {
  nullable: boolean;
  first: Set<number>;
  last: Set<number>;
}

function union(a: Set<number>, b: Set<number>): Set<number> {
  return new Set([...a, ...b]);
}

/** nullable/first/last of `node`, adding its follow pairs to `follow`. */
function glushkov(node: Node, follow: Array<Set<number>>): Glushkov {
  if ("pos" in node) return { nullable: false, first: new Set([node.pos]), last: new Set([node.pos]) };
  if ("star" in node || "opt" in node) {
    const body = glushkov("star" in node ? node.star : node.opt, follow);
    if ("star" in node) for (const p of body.last) for (const q of body.first) follow[p]?.add(q);
    return { ...body, nullable: true };
  }
  if ("alt" in node) {
    const parts = node.alt.map((part) => glushkov(part, follow));
    return {
      nullable: parts.length === 0 || parts.some((p) => p.nullable),
      first: parts.reduce((s, p) => union(s, p.first), new Set<number>()),
      last: parts.reduce((s, p) => union(s, p.last), new Set<number>()),
    };
  }
  let acc: Glushkov = { nullable: true, first: new Set(), last: new Set() };
  for (const part of node.cat.map((p) => glushkov(p, follow))) {
    for (const p of acc.last) for (const q of part.first) follow[p]?.add(q);
    acc = {
      nullable: acc.nullable && part.nullable,
      first: acc.nullable ? union(acc.first, part.first) : acc.first,
      last: part.nullable ? union(acc.last, part.last) : part.last,
    };
  }
  return acc;
}

/** The code-point intervals every set treats alike, grouped by the positions whose set holds them. */
function classes(sets: Ranges[]): Array<{ ranges: Ranges; positions: number[] }> {
  const cuts = new Set<number>([0, 0x110000]);
  for (const set of sets) for (const [lo, hi] of set) cuts.add(lo).add(hi + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const byMembers = new Map<string, { ranges: Ranges; positions: number[] }>();
  for (let k = 0; k + 1 < points.length; k++) {
    const lo = points[k] as number;
    const hi = (points[k + 1] as number) - 1;
    const positions = sets.flatMap((set, p) => (set.some(([a, b]) => a <= lo && hi <= b) ? [p] : []));
    if (positions.length === 0) continue;
    const key = positions.join(",");
    const known = byMembers.get(key);
    if (known) known.ranges.push([lo, hi]);
    else byMembers.set(key, { ranges: [[lo, hi]], positions });
  }
  return [...byMembers.values()];
}

interface Automaton {
  /** Per state, per class: the next state, or -1 (no match can continue). State 0 starts. */
  next: number[][];
  accepting: boolean[];
}

function determinise(source: string, states: number): { dfa: Automaton; classes: Ranges[]; end: boolean } {
  const parser = new ExactParser(source);
  const alts = parser.alternatives();
  if (parser.i !== source.length) throw new Unsupported("trailing text");
  const [seq] = alts;
  if (alts.length !== 1 || !seq || seq[0]?.assert !== "start") throw new Unsupported("not anchored with ^");
  const end = seq.length > 1 && seq[seq.length - 1]?.assert === "end";
  const expression = new Expression();
  const root = expression.sequence(seq.slice(1, end ? -1 : undefined));
  const follow = expression.sets.map(() => new Set<number>());
  const { nullable, first, last } = glushkov(root, follow);
  const groups = classes(expression.sets);
  // Subset construction; without `$` an accepting state ends the walk (some prefix matched), so it has no exits.
  const keys = new Map<string, number>();
  const members: number[][] = [];
  const next: number[][] = [];
  const accepting: boolean[] = [];
  const stateOf = (positions: number[], start: boolean): number => {
    const key = start ? "start" : positions.join(",");
    let state = keys.get(key);
    if (state === undefined) {
      state = members.length;
      if (state >= 4 * states) throw new Unsupported("automaton too large");
      keys.set(key, state);
      members.push(positions);
      accepting.push(start ? nullable : positions.some((p) => last.has(p)));
    }
    return state;
  };
  stateOf([...first], true);
  for (let state = 0; state < members.length; state++) {
    const reachable =
      state === 0 ? first : new Set((members[state] as number[]).flatMap((p) => [...(follow[p] ?? [])]));
    next.push(
      groups.map(({ positions }) => {
        if (!end && accepting[state]) return -1;
        const target = positions.filter((p) => reachable.has(p));
        return target.length === 0 ? -1 : stateOf(target, false);
      }),
    );
  }
  return { dfa: minimise({ next, accepting }), classes: groups.map((g) => g.ranges), end };
}

/** Moore's partition refinement; state 0 of the result is the start. */
function minimise({ next, accepting }: Automaton): Automaton {
  let block: number[] = accepting.map((a) => (a ? 1 : 0));
  for (;;) {
    const signatures = new Map<string, number>();
    const refined = next.map((row, state) => {
      const key = `${block[state]}|${row.map((t) => (t < 0 ? -1 : block[t])).join(",")}`;
      let id = signatures.get(key);
      if (id === undefined) signatures.set(key, (id = signatures.size));
      return id;
    });
    const stable = signatures.size === new Set(block).size;
    block = refined;
    if (stable) break;
  }
  // Renumber so that the start's block is 0, in order of first appearance.
  const order = new Map<number, number>([[block[0] as number, 0]]);
  block.forEach((b) => {
    if (!order.has(b)) order.set(b, order.size);
  });
  const out: Automaton = { next: [], accepting: [] };
  next.forEach((row, state) => {
    const id = order.get(block[state] as number) as number;
    out.next[id] ??= row.map((t) => (t < 0 ? -1 : (order.get(block[t] as number) as number)));
    out.accepting[id] = accepting[state] as boolean;
  });
  return out;
}

function test(set: Ranges): Code {
  return join(
    set.map(([lo, hi]) =>
      lo === hi
        ? ts`c === ${num(lo)}`
        : hi === 0x10ffff
          ? ts`c >= ${num(lo)}`
          : ts`(c >= ${num(lo)} && c <= ${num(hi)})`,
    ),
    " || ",
  );
}

/**
 * The matcher object for a spec pattern (`{ test: (s) => … }`), or undefined when the pattern is not one this
 * module compiles within `limits` (the caller then keeps V8 or RE2). `js`: no type annotations (the mock).
 */
export function patternDfa(source: string, js: boolean, limits: DfaLimits): Code | undefined {
  let built: ReturnType<typeof determinise>;
  try {
    new RegExp(source, "u");
    built = determinise(source, limits.states);
  } catch (error) {
    if (error instanceof Unsupported || error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { dfa, classes: sets, end } = built;
  if (dfa.next.length > limits.states) return undefined;
  // Sets reaching surrogates or astral code points: read code points, as the `u` flag does.
  const wide = sets.some((set) => set.some(([, hi]) => hi >= 0xd800));
  const read = wide ? CODE_POINT_READ : ts`c = s.charCodeAt(i);`;
  const step = wide ? ts`i += c > 65535 ? 2 : 1` : ts`i++`;
  const cases: Code[] = [];
  for (let state = 0; state < dfa.next.length; state++) {
    const row = dfa.next[state] as number[];
    const accept = dfa.accepting[state] === true;
    // Without `$` reaching an accepting state means some prefix matched (it has no exits).
    if (accept && !end) {
      cases.push(ts`case ${num(state)}: return true;`);
      continue;
    }
    // Exits by target, each with the union of the classes leading there.
    const exits = new Map<number, Ranges>();
    row.forEach((target, k) => {
      if (target >= 0) exits.set(target, [...(exits.get(target) ?? []), ...(sets[k] as Ranges)]);
    });
    for (const [target, set] of exits) {
      const merged = normalise(set);
      if (merged.length > limits.ranges) return undefined;
      exits.set(target, merged);
    }
    const self = exits.get(state);
    exits.delete(state);
    const body: Code[] = [];
    if (self) body.push(ts`for (; i < n; ${step}) { ${read} if (!(${test(self)})) break; }`);
    if (exits.size === 0) body.push(accept ? ts`return i >= n;` : ts`return false;`);
    else {
      body.push(ts`if (i >= n) return ${accept ? ts`true` : ts`false`};`);
      if (!self) body.push(read);
      const branches = [...exits].map(([target, set]) => ts`if (${test(set)}) q = ${num(target)};`);
      body.push(ts`${join(branches, " else ")} else return false; ${step}; break;`);
    }
    cases.push(ts`case ${num(state)}: { ${join(body, " ")} }`);
  }
  const param = js ? ts`s` : ts`s: string`;
  const result = js ? EMPTY : ts`: boolean`;
  if (dfa.accepting[0] === true && !end) return ts`{ test: (${js ? ts`_` : ts`_: string`})${result} => true }`;
  return ts`{ test: (${param})${result} => { const n = s.length; let i = 0, c = 0, q = 0; for (;;) { switch (q) { ${join(cases, " ")} default: return false; } } } }`;
}
