/**
 * The shape both pattern parsers share: the linearity checker's (patterns.ts, which may over-approximate a set) and
 * the exact one the char-code matchers and automata compile from (pattern-parse.ts). Alternation, sequences and
 * quantifiers parse alike; each parser reads its own atoms and throws its own error, so a pattern it cannot handle
 * keeps the engine that parser stands for.
 */
export type Ranges = Array<[number, number]>;
export interface Item {
  set?: Ranges;
  group?: Item[][];
  assert?: "start" | "end" | "boundary";
  min: number;
  max: number;
}

export abstract class PatternGrammar {
  i = 0;
  constructor(protected readonly s: string) {}

  /** One atom at `i` (a character, set, assertion or group), with min = max = 1. */
  protected abstract atom(): Item;
  /** The parser's refusal: the error its caller reads as "this engine does not handle the pattern". */
  protected abstract refuse(reason: string): Error;
  /** Whether a `{` that starts no count is refused here (else it is left for `atom`, which refuses it too). */
  protected abstract readonly refusesLoneBrace: boolean;

  alternatives(): Item[][] {
    const alts: Item[][] = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      const item = this.atom();
      this.quantifier(item);
      items.push(item);
    }
    return items;
  }

  private quantifier(item: Item): void {
    const c = this.s[this.i];
    let range: [number, number] | undefined;
    if (c === "*") range = [0, Infinity];
    else if (c === "+") range = [1, Infinity];
    else if (c === "?") range = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) {
        if (this.refusesLoneBrace) throw this.refuse("lone brace");
        return;
      }
      const min = Number(m[1]);
      range = [min, m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3])];
      this.i += m[0].length - 1;
    }
    if (!range) return;
    if (item.assert) throw this.refuse("quantified assertion");
    if (!Number.isSafeInteger(range[0]) || range[1] < range[0]) throw this.refuse("count out of range");
    this.i++;
    if (this.s[this.i] === "?") this.i++;
    [item.min, item.max] = range;
  }
}
