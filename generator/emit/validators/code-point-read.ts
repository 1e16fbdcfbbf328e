/**
 * The emitted statement that sets `c` to the code point at `i` of `s` (length `n`), as a `u`-flag regex reads it:
 * a surrogate pair is one code point, a lone surrogate is itself.
 *
 * Written out with `charCodeAt` instead of `s.codePointAt(i)`: Node 24.22's optimised `codePointAt` on a sliced
 * string (`value.slice(0, k)`) reads past the slice's end into its parent when the last unit is a high surrogate,
 * and answers the pair it finds there. A compiled pattern then accepted `"😀a\uD83D"` (a slice of `"😀a😀…"`) for
 * `^(😀|😀a)+$` after warm-up; the differential test against RegExp found it (test/validators/pattern-dfa.test.ts).
 */
import { ts, type Code } from "../code.js";

export const CODE_POINT_READ: Code = ts`c = s.charCodeAt(i); if (c >= 55296 && c <= 56319 && i + 1 < n) { const d = s.charCodeAt(i + 1); if (d >= 56320 && d <= 57343) c = c * 1024 + d - 56613888; }`;
