/**
 * A pattern's source with its capturing groups written as non-capturing ones, for the V8 `RegExp` a validator
 * runs. A validator only asks `test()`, which no capture can change unless the pattern refers back to one, and
 * V8 records the bounds of a capturing group on every pass through it: on `^([a-z0-9]+\.)*[a-z]+$` the
 * non-capturing form runs about 9% faster (ADR 0115). The source is returned unchanged when it has a
 * backreference (`\1`, `\k<name>`) or anything this scanner does not follow.
 */
export function withoutCaptures(source: string): string {
  // A digit escape is a backreference, or an octal escape that removing groups could turn into one or out of one.
  if (/\\(?:[1-9]|k)/.test(source)) return source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === "\\") {
      // An escape is two characters whatever the second is (`\(`, `\]`, `\\`); longer escapes hold no `(`, `[`, `]`.
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
      out += ch;
    } else if (ch === "[") {
      inClass = true;
      // `[]` and `[^]` are whole classes in JavaScript: the `]` right after `[` or `[^` closes them.
      out += ch;
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
