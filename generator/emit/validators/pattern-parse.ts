/**
 * An exact parser of the ECMAScript pattern subset the char-code matchers compile (pattern-matcher.ts), in `u`
 * mode: literals, `.`, classes, `\d \w \s` and their negations, control and hex/Unicode escapes, plain, non-capturing
 * and named groups, alternation, every quantifier. Unlike the linearity checker's parser (patterns.ts), which may
 * over-approximate a set, every set here is exactly the code points the `u`-mode regex matches; anything it does
 * not model exactly (`\p{…}`, lookaround, backreferences, `\b`, modifiers) throws Unsupported, and the pattern keeps
 * its regex engine. The source has already been checked to compile with the `u` flag.
 */
import { PatternGrammar, type Item, type Ranges } from "./pattern-grammar.js";
import { complement, DIGIT, SPACE, WORD } from "./patterns.js";

export class Unsupported extends Error {}

/** `.` in `u` mode without `s`: every code point but the four line terminators. */
const DOT = complement([
  [10, 10],
  [13, 13],
  [0x2028, 0x2029],
]);
const CONTROLS: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
const CLASSES: Record<string, Ranges> = { d: DIGIT, w: WORD, s: SPACE };

const single = (code: number): Ranges => [[code, code]];

export class ExactParser extends PatternGrammar {
  protected readonly refusesLoneBrace = true;

  protected refuse(reason: string): Error {
    return new Unsupported(reason);
  }

  protected atom(): Item {
    const c = this.s[this.i++] as string;
    if (c === "^") return { assert: "start", min: 1, max: 1 };
    if (c === "$") return { assert: "end", min: 1, max: 1 };
    if (c === ".") return { set: DOT, min: 1, max: 1 };
    if (c === "[") return { set: this.charClass(), min: 1, max: 1 };
    if (c === "(") {
      if (this.s[this.i] === "?") {
        if (this.s[this.i + 1] === ":") this.i += 2;
        else if (this.s[this.i + 1] === "<" && this.s[this.i + 2] !== "=" && this.s[this.i + 2] !== "!") {
          this.i = this.s.indexOf(">", this.i) + 1;
        } else throw new Unsupported("lookaround or modifier");
      }
      const group = this.alternatives();
      if (this.s[this.i++] !== ")") throw new Unsupported("unbalanced group");
      return { group, min: 1, max: 1 };
    }
    if (c === "\\") return { set: this.escape(false), min: 1, max: 1 };
    if ("*+?{}])|".includes(c)) throw new Unsupported(`unexpected ${c}`);
    return { set: single(this.literal()), min: 1, max: 1 };
  }

  /** The code point that starts at i - 1 (a surrogate pair is one literal in `u` mode). */
  private literal(): number {
    const code = this.s.codePointAt(this.i - 1) as number;
    if (code > 0xffff) this.i++;
    return code;
  }

  private hex(digits: number): number {
    const text = this.s.slice(this.i, this.i + digits);
    if (!/^[0-9A-Fa-f]+$/.test(text) || text.length !== digits) throw new Unsupported("bad hex escape");
    this.i += digits;
    return parseInt(text, 16);
  }

  private escape(inClass: boolean): Ranges {
    const e = this.s[this.i++] ?? "";
    const set = CLASSES[e];
    if (set) return set;
    const negated = CLASSES[e.toLowerCase()];
    if (negated && e !== e.toLowerCase()) return complement(negated);
    if (e === "b" && inClass) return single(8);
    const control = CONTROLS[e];
    if (control !== undefined) return single(control);
    if (e === "0" && !/[0-9]/.test(this.s[this.i] ?? "")) return single(0);
    if (e === "x") return single(this.hex(2));
    if (e === "c" && /[A-Za-z]/.test(this.s[this.i] ?? "")) return single(this.s.charCodeAt(this.i++) % 32);
    if (e === "u") return single(this.unicodeEscape());
    // `u` mode allows identity escapes of syntax characters and `/` only (and `-` in a class).
    if ("^$\\.*+?()[]{}|/".includes(e) || (inClass && e === "-")) return single(e.charCodeAt(0));
    throw new Unsupported(`escape \\${e}`);
  }

  /** `\u{…}`, or `\uXXXX` (a lead surrogate followed by `\uXXXX` trail is one code point in `u` mode). */
  private unicodeEscape(): number {
    if (this.s[this.i] === "{") {
      const end = this.s.indexOf("}", this.i);
      const text = this.s.slice(this.i + 1, end);
      if (end < 0 || !/^[0-9A-Fa-f]+$/.test(text)) throw new Unsupported("bad code point escape");
      this.i = end + 1;
      const code = parseInt(text, 16);
      if (code > 0x10ffff) throw new Unsupported("code point out of range");
      return code;
    }
    const lead = this.hex(4);
    if (lead >= 0xd800 && lead <= 0xdbff && this.s.startsWith("\\u", this.i) && this.s[this.i + 2] !== "{") {
      const trail = parseInt(this.s.slice(this.i + 2, this.i + 6), 16);
      if (trail >= 0xdc00 && trail <= 0xdfff && /^[0-9A-Fa-f]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) {
        this.i += 6;
        return (lead - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
      }
    }
    return lead;
  }

  private charClass(): Ranges {
    const negate = this.s[this.i] === "^";
    if (negate) this.i++;
    const set: Ranges = [];
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      const lo = this.classAtom();
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && this.i + 1 < this.s.length) {
        this.i++;
        const hi = this.classAtom();
        const [a, b] = [lo[0], hi[0]];
        if (lo.length !== 1 || hi.length !== 1 || !a || !b || a[0] !== a[1] || b[0] !== b[1] || a[0] > b[0]) {
          throw new Unsupported("class range between sets");
        }
        set.push([a[0], b[0]]);
      } else set.push(...lo);
    }
    if (this.s[this.i++] !== "]") throw new Unsupported("unterminated class");
    return negate ? complement(set) : set;
  }

  private classAtom(): Ranges {
    const c = this.s[this.i++] as string;
    if (c === "\\") return this.escape(true);
    return single(this.literal());
  }
}
