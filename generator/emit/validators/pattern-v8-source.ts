/**
 * The source of the V8 `RegExp` a validator runs for a spec pattern: the same language, written so that Irregexp
 * does less work per test. A validator only asks `test()`, so captures are never read, and a counted repeat is the
 * same as its atom written out. Both rewrites are made only where this scanner follows the pattern exactly; anything
 * else keeps its text (ADR 0115).
 */
export function v8Source(source: string, flags: string): string {
  const plain = withoutCaptures(source);
  return flags === "u" ? expandCounts(plain) : plain;
}

/** Backreferences (`\1`, `\k<name>`) read captures; a digit escape could also change meaning without groups. */
const BACKREFERENCE = /\\(?:[1-9]|k)/;

/** Index after the class that starts at `i` (`[`); `[]` and `[^]` are whole classes in JavaScript. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === "^") j++;
  if (source[j] === "]") return j + 1;
  while (j < source.length && source[j] !== "]") j += source[j] === "\\" ? 2 : 1;
  return j + 1;
}

/**
 * Capturing groups as non-capturing ones. V8 records a capturing group's bounds on every pass through it: on
 * `^([a-z0-9]+\.)*[a-z]+$` the non-capturing form runs about 9% faster.
 */
export function withoutCaptures(source: string): string {
  if (BACKREFERENCE.test(source)) return source;
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === "\\") {
      // Two characters whatever the second is (`\(`, `\]`); longer escapes hold no `(`, `[` or `]`.
      out += source.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end - 1;
    } else if (ch === "(" && source[i + 1] !== "?") {
      out += "(?:";
    } else if (ch === "(" && source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") {
      // A named group `(?<name>`: its name ends at the first `>`.
      const close = source.indexOf(">", i + 3);
      if (close < 0) return source;
      out += "(?:";
      i = close;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Longest fixed count written out, and the most characters the rewrite may add. */
const MAX_COUNT = 64;
const MAX_ADDED = 4096;
/** Escapes of one character that are not assertions (`\b`, `\B`) and not surrogate halves. */
const ONE_CHARACTER_ESCAPE = /^\\(?:[dDwWsStnrfv0.\\/^$|?*+()[\]{}-]|x[0-9a-fA-F]{2}|c[a-zA-Z]|[pP]\{[A-Za-z0-9_=]+\})/;
const PLAIN_CHARACTER = /^[^\\[\](){}|^$*+?.\uD800-\uDFFF]/;
/** `{n}`, `{n,}` or `{n,m}`, greedy: n, and what follows the comma (undefined without one). */
const COUNT = /^\{(\d+)(?:,(\d*))?\}(?!\?)/;

/**
 * A count on an atom of one character (a character, an escape of one, a class, `.`) written out: `x{n}` as n copies
 * of `x`, `x{n,m}` as n copies and `x{0,m-n}`, `x{n,}` as n copies and `x*` (n from 2 to 64), in a pattern read
 * with the `u` flag (without it `\p{L}` and `\01` are other things). Irregexp runs a counted repeat as a loop
 * with a counter and a backtrack entry per pass; written out, the Twilio SID pattern `^AC[0-9a-fA-F]{32}$` tests
 * about 2.6× faster, `{20,40}` and `{16,}` on a class 1.4-1.7×. A surrogate (literal or `\u` escape) or an escape
 * this does not know leaves the source as it is: whether it is one atom depends on the `u` flag.
 */
export function expandCounts(source: string): string {
  if (/[\uD800-\uDFFF]|\\u/.test(source) || BACKREFERENCE.test(source)) return source;
  let out = "";
  let added = 0;
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    let atom: string | undefined;
    if (rest[0] === "[") atom = source.slice(i, classEnd(source, i));
    else if (rest[0] === ".") atom = ".";
    else if (rest[0] === "\\") atom = ONE_CHARACTER_ESCAPE.exec(rest)?.[0];
    else if (PLAIN_CHARACTER.test(rest)) atom = rest[0];
    if (atom === undefined) {
      // Not an atom of one character: copied as it is (an unknown escape with the character it escapes).
      const length = rest[0] === "\\" ? 2 : 1;
      out += source.slice(i, i + length);
      i += length;
      continue;
    }
    i += atom.length;
    const count = COUNT.exec(source.slice(i));
    const n = count ? Number(count[1]) : 0;
    if (count && n >= 2 && n <= MAX_COUNT && added + atom.length * n <= MAX_ADDED) {
      // The n copies every match has, then what may follow them: nothing, any number more, or up to m - n more.
      const more = count[2] === undefined ? 0 : count[2] === "" ? Infinity : Number(count[2]) - n;
      out += atom.repeat(n) + (more === Infinity ? `${atom}*` : more > 0 ? `${atom}{0,${more}}` : "");
      added += atom.length * n;
      i += count[0].length;
    } else {
      out += atom;
    }
  }
  return out;
}
