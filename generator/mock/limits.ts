/**
 * Bounds on what one request can make the mock build. Every parsed request value is a tree the validator walks
 * recursively: without bounds a 17-byte form body (`list[30000000]=a`) builds a 30-million-slot array and a JSON
 * array nested 10,000 deep overflows the validator's stack. Past a bound the request is refused with 400, before
 * validation. The numbers are far above what any of the five specs or the corpus documents describe.
 */
import { BodyError } from "./body-error.js";

export const REQUEST_LIMITS = {
  /** Nesting of JSON bodies and JSON-encoded parameters (objects and arrays). */
  jsonDepth: 64,
  /** `a[b][c]` segments in one form or deepObject key. */
  formDepth: 16,
  /** Key/value pairs in one form body or deepObject parameter. */
  formPairs: 1000,
  /** Largest explicit array index in a form key (`list[999]`); larger ones would make huge sparse arrays. */
  formIndex: 999,
} as const;

/**
 * Nesting depth of JSON text, measured on the text before it is parsed (one pass, no allocation): the deepest
 * `[`/`{` outside strings. Throws BodyError 400 past the limit.
 */
export function assertJsonDepth(text: string, what: string, limit: number = REQUEST_LIMITS.jsonDepth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit)
        throw new BodyError(400, `${what} is nested more than ${limit} levels deep, the most this mock accepts`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
