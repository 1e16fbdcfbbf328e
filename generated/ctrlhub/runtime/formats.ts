/**
 * Format checks of the generated validators (validators.ts imports the ones its schemas use) and of the mock.
 *
 * ipv6 and long host names are char-code scanners that allocate nothing (bar an IPv4 tail in an ipv6 address); they
 * replaced `split`, arrays and a regex per part and are 3-60× faster (ADR 0114). date, time, date-time, uuid, host
 * names of up to 63 characters, the common e-mail and URI shapes and ipv4 are one V8 regular expression each, which
 * measured faster than a scanner: a `charCodeAt` costs 3-4 ns in optimised code, Irregexp about 1 ns a character
 * after a ~25 ns call (ADR 0119). date, time and date-time hand the rare valid values their regexes leave out
 * (February 29, leap seconds) to char-code scanners. The rarer parts (quoted e-mail local parts, URIs with userinfo
 * or percent escapes) are small parsers over simple regular expressions: no nested or overlapping quantifiers, and
 * no repeated groups over unbounded input (V8 keeps a backtrack entry per repetition and throws on 10 MB strings), so
 * a crafted string can neither make them backtrack nor overflow. Lengths are capped where the standards cap them
 * (an e-mail address is at most 320 characters, a host name 253).
 */
export type FormatCheck<T> =
  { type: "string"; validate(value: string): boolean } | { type: "number"; validate(value: T): boolean };

// The common e-mail shape (dot-atom @ host name), bounded so it cannot backtrack far; anything else (quoted
// local parts, address literals) goes through the full parser. (A char-code scanner measured no faster: ADR 0114.)
// PLAIN_EMAIL is the same shape without the 63-character label limit, written so V8 never backtracks (each loop ends at
// a character it cannot match): up to 64 characters no label can be longer, so there it decides alone, 1.15-1.45×
// faster than SIMPLE_EMAIL.
const SIMPLE_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const PLAIN_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)*$/;
// Counted repeats are written out: V8's Irregexp runs `x{8}` as a loop with a counter register and a backtrack entry
// per pass: this test was 2.6-3.1× slower with `{n}` than with the classes written in a row (ADR 0119).
const HEX = "[0-9A-Fa-f]";
const UUID = new RegExp(`^${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}$`);
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
// URI character sets; a `%` must start a percent-encoded octet (checked separately by BAD_PERCENT).
const PCHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
const QUERY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;
const USERINFO = /^[A-Za-z0-9\-._~!$&'()*+,;=:%]*$/;
const REG_NAME = /^[A-Za-z0-9\-._~!$&'()*+,;=%]*$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;
const IP_FUTURE = /^[Vv][0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/;
// The common absolute URI (scheme://host[:port][/path][?query][#fragment], no userinfo, no percent escapes) in one
// test; every string it accepts the full parser below accepts too. Each part ends at a character its set lacks.
// V8's compiled regex was measured faster here than a char-code scanner (ADR 0114), as for IPV4 and UUID.
const PLAIN_URI =
  /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9\-._~!$&'()*+,;=]*(?::\d*)?(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?$/;
const DURATION = /^P(?!$)(?:(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|\d+W)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BAD_TILDE = /~(?![01])/;
const RELATIVE_PREFIX = /^(?:0|[1-9][0-9]*)/;

/** An ASCII letter or digit (`| 32` folds A-Z onto a-z, and nothing else onto them). */
function alnum(c: number): boolean {
  const lower = c | 32;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57);
}

/** Whether every character in [from, to) is an ASCII digit. */
function digitsAt(v: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Two ASCII digits at `at` as a number (the caller has already checked they are digits). */
function __two(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

function __dayExists(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS[month] ?? 0));
}

/** RFC 3339 full-date `YYYY-MM-DD` at the start of `v`, a day that exists. */
function dateAt(v: string): boolean {
  if (!digitsAt(v, 0, 4) || v.charCodeAt(4) !== 45 || !digitsAt(v, 5, 7) || v.charCodeAt(7) !== 45) return false;
  if (!digitsAt(v, 8, 10)) return false;
  const month = __two(v, 5);
  const day = __two(v, 8);
  return (
    month >= 1 && month <= 12 && day >= 1 && (day <= 28 || __dayExists(__two(v, 0) * 100 + __two(v, 2), month, day))
  );
}

/**
 * RFC 3339 full-time `HH:MM:SS[.frac](Z|±HH:MM)` from `from` to the end of `v`; a leap second only at 23:59:60 UTC.
 */
function timeAt(v: string, from: number): boolean {
  const n = v.length;
  if (n - from < 9) return false;
  if (!digitsAt(v, from, from + 2) || v.charCodeAt(from + 2) !== 58 || !digitsAt(v, from + 3, from + 5)) return false;
  if (v.charCodeAt(from + 5) !== 58 || !digitsAt(v, from + 6, from + 8)) return false;
  let i = from + 8;
  if (v.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
  }
  if (i >= n) return false;
  const zone = v.charCodeAt(i);
  let offset = 0;
  // `| 32` folds Z onto z (and nothing else onto it).
  if ((zone | 32) === 122) {
    if (i + 1 !== n) return false;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== n || !digitsAt(v, i + 1, i + 3) || v.charCodeAt(i + 3) !== 58 || !digitsAt(v, i + 4, i + 6)) {
      return false;
    }
    const offsetHours = __two(v, i + 1);
    const offsetMinutes = __two(v, i + 4);
    if (offsetHours > 23 || offsetMinutes > 59) return false;
    offset = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  } else return false;
  const hour = __two(v, from);
  const minute = __two(v, from + 3);
  const second = __two(v, from + 6);
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (second < 60) return true;
  // A leap second is only ever inserted at 23:59:60 UTC.
  const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

/** The digit at `at` as 0-9; any other character gives a number above 9 (`>>> 0` turns negatives huge). */
function digitAt(v: string, at: number): number {
  return (v.charCodeAt(at) - 48) >>> 0;
}

// The common RFC 3339 date, time and date-time, field ranges included: days 29-31 only in the months that have them
// in every year, seconds 00-59. Every string they accept is valid; the valid values they leave out have February 29
// or second 60, and only those go on to the char-code scanners above and below. V8 runs a regex in one call that
// reads the bytes directly, where a scanner pays a string-representation dispatch per `charCodeAt`: 1.5× faster on
// common values, 2-3× with a fraction or an offset. `\d\d\d\d`, not `\d{4}` (see UUID) (ADR 0119).
const DATE_SHAPE = String.raw`\d\d\d\d-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)`;
const TIME_SHAPE = String.raw`(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)`;
const PLAIN_DATE = new RegExp(`^${DATE_SHAPE}$`);
const PLAIN_TIME = new RegExp(`^${TIME_SHAPE}$`);
const PLAIN_DATE_TIME = new RegExp(`^${DATE_SHAPE}[Tt]${TIME_SHAPE}$`);

/** Month 02, day 29 in a date that starts at `at`: the one valid date PLAIN_DATE leaves out (leap years only). */
function february29(v: string, at: number): boolean {
  return (
    v.charCodeAt(at + 8) === 50 &&
    v.charCodeAt(at + 9) === 57 &&
    v.charCodeAt(at + 5) === 48 &&
    v.charCodeAt(at + 6) === 50
  );
}

/** Second 60 in a time that starts at `at`: the one valid time PLAIN_TIME leaves out (23:59:60 UTC only). */
function second60(v: string, at: number): boolean {
  return v.charCodeAt(at + 6) === 54 && v.charCodeAt(at + 7) === 48;
}

export function __isDate(v: string): boolean {
  return v.length === 10 && (PLAIN_DATE.test(v) || (february29(v, 0) && dateAt(v)));
}

/** A long fraction (past 64 characters) goes to the scanner alone, which has no length limit for it. */
export function __isTime(v: string): boolean {
  if (v.length > 64) return timeAt(v, 0);
  return PLAIN_TIME.test(v) || (second60(v, 0) && timeAt(v, 0));
}

/** RFC 3339 date-time, at most 64 characters: the common shape in one regex test, the rest by the scanner. */
export function __isDateTime(v: string): boolean {
  const n = v.length;
  if (n < 20 || n > 64) return false;
  return PLAIN_DATE_TIME.test(v) || ((february29(v, 0) || second60(v, 11)) && __scanDateTime(v));
}

/**
 * RFC 3339 date-time, unrolled: the fixed positions are read once each, then field arithmetic (no captures,
 * closures or arrays). The complete check behind __isDateTime's regex (exported for its differential test).
 */
export function __scanDateTime(v: string): boolean {
  const n = v.length;
  if (n < 20 || n > 64) return false;
  const y0 = digitAt(v, 0),
    y1 = digitAt(v, 1),
    y2 = digitAt(v, 2),
    y3 = digitAt(v, 3);
  const mo0 = digitAt(v, 5),
    mo1 = digitAt(v, 6),
    d0 = digitAt(v, 8),
    d1 = digitAt(v, 9);
  const h0 = digitAt(v, 11),
    h1 = digitAt(v, 12),
    mi0 = digitAt(v, 14),
    mi1 = digitAt(v, 15),
    s0 = digitAt(v, 17),
    s1 = digitAt(v, 18);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || mo0 > 9 || mo1 > 9 || d0 > 9 || d1 > 9) return false;
  if (h0 > 9 || h1 > 9 || mi0 > 9 || mi1 > 9 || s0 > 9 || s1 > 9) return false;
  // `| 32` folds T onto t (and nothing else onto it).
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || (v.charCodeAt(10) | 32) !== 116) return false;
  if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return false;
  let i = 19;
  let zone = v.charCodeAt(i);
  if (zone === 46) {
    const start = ++i;
    while (i < n && digitAt(v, i) <= 9) i++;
    if (i === start || i >= n) return false;
    zone = v.charCodeAt(i);
  }
  let offset = 0;
  if ((zone | 32) === 122) {
    if (i + 1 !== n) return false;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== n || v.charCodeAt(i + 3) !== 58) return false;
    const o0 = digitAt(v, i + 1),
      o1 = digitAt(v, i + 2),
      o2 = digitAt(v, i + 4),
      o3 = digitAt(v, i + 5);
    if (o0 > 9 || o1 > 9 || o2 > 9 || o3 > 9 || o0 * 10 + o1 > 23 || o2 * 10 + o3 > 59) return false;
    offset = (zone === 45 ? -1 : 1) * ((o0 * 10 + o1) * 60 + o2 * 10 + o3);
  } else return false;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    (day > 28 && !__dayExists(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day))
  ) {
    return false;
  }
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (second < 60) return true;
  // A leap second is only ever inserted at 23:59:60 UTC.
  return (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 23 * 60 + 59;
}

/** Host name labels in [from, to): letters, digits and inner hyphens, 1 to 63 each, separated by single dots. */
function labelsAt(v: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    const start = i;
    while (i < to) {
      const c = v.charCodeAt(i);
      if (c !== 45 && !alnum(c)) break;
      i++;
    }
    if (i === start || i - start > 63 || v.charCodeAt(start) === 45 || v.charCodeAt(i - 1) === 45) return false;
    if (i === to) return true;
    if (v.charCodeAt(i) !== 46) return false;
    i++;
  }
}

/** A hex digit (`| 32` folds A-F onto a-f, and nothing else onto them). */
function hexDigit(c: number): boolean {
  return (c - 48) >>> 0 <= 9 || ((c | 32) - 97) >>> 0 <= 5;
}

/**
 * RFC 4291 text form in one pass: groups of 1-4 hex digits separated by `:`, at most one `::` standing for the
 * missing groups, and optionally a dotted IPv4 address as the last two groups.
 */
export function __isIpv6(v: string): boolean {
  const n = v.length;
  if (n > 45) return false;
  let i = 0;
  let groups = 0;
  let compressed = false;
  if (v.charCodeAt(0) === 58) {
    if (v.charCodeAt(1) !== 58) return false;
    compressed = true;
    i = 2;
  }
  while (i < n) {
    const start = i;
    while (i < n && i - start < 4 && hexDigit(v.charCodeAt(i))) i++;
    if (i === start) return false;
    if (i < n && v.charCodeAt(i) === 46) {
      if (!IPV4.test(v.slice(start))) return false;
      groups += 2;
      break;
    }
    groups++;
    if (i === n) break;
    if (v.charCodeAt(i) !== 58) return false;
    i++;
    if (i < n && v.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i++;
    } else if (i === n) return false;
  }
  return compressed ? groups <= 7 : groups === 8;
}

// Host names of at most 63 characters, where no label can pass the 63-character limit: one regex decides (1.1-1.9×
// the scanner on valid names, ADR 0119). Each loop ends at a character it cannot match, so V8 never backtracks.
const PLAIN_HOST = /^[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?:\.[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)*\.?$/;

export function __isHostname(value: string): boolean {
  if (value.length <= 63) return PLAIN_HOST.test(value);
  const n = value.charCodeAt(value.length - 1) === 46 ? value.length - 1 : value.length;
  return n >= 1 && n <= 253 && labelsAt(value, 0, n);
}

export function __isEmail(value: string): boolean {
  const n = value.length;
  if (n <= 64) {
    if (PLAIN_EMAIL.test(value)) return true;
    // Up to 64 characters the parser below accepts what PLAIN_EMAIL rejects only with a quoted local part (starts
    // with `"`), a domain literal (ends with `]`) or a host name written with its root dot (ends with `.`): any other
    // reject is final here, without the parser's scan for the `@` (about a fifth of the cost of an invalid address).
    const last = value.charCodeAt(n - 1);
    if (value.charCodeAt(0) !== 34 && last !== 93 && last !== 46) return false;
  } else if (n <= 254 && SIMPLE_EMAIL.test(value)) return true;
  if (value.length > 320) return false;
  // A character loop: `lastIndexOf` is a runtime call that costs more than the check on short values.
  let at = value.length - 1;
  while (at >= 0 && value.charCodeAt(at) !== 64) at--;
  if (at < 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!(DOT_ATOM.test(local) || QUOTED.test(local))) return false;
  if (domain.startsWith("[") && domain.endsWith("]")) {
    const literal = domain.slice(1, -1);
    return literal.startsWith("IPv6:") ? __isIpv6(literal.slice(5)) : IPV4.test(literal);
  }
  return __isHostname(domain);
}

export function __isAuthority(authority: string): boolean {
  const at = authority.lastIndexOf("@");
  if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  let host = hostPort;
  let port = "";
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return false;
    host = hostPort.slice(0, close + 1);
    const rest = hostPort.slice(close + 1);
    if (rest !== "" && !rest.startsWith(":")) return false;
    port = rest.slice(1);
    const literal = host.slice(1, -1);
    if (!(__isIpv6(literal) || IP_FUTURE.test(literal))) return false;
  } else {
    const colon = hostPort.lastIndexOf(":");
    if (colon >= 0) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
    if (!REG_NAME.test(host)) return false;
  }
  return /^\d*$/.test(port);
}

/** RFC 3986 URI-reference; `absolute` additionally requires a scheme. */
export function __isUriReference(value: string, absolute: boolean): boolean {
  if (PLAIN_URI.test(value)) return true;
  if (BAD_PERCENT.test(value)) return false;
  let rest = value;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    if (!QUERY_CHARS.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf("?");
  if (question >= 0) {
    if (!QUERY_CHARS.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  const colon = rest.indexOf(":");
  const slash = rest.indexOf("/");
  const hasScheme = colon > 0 && (slash < 0 || colon < slash);
  if (hasScheme) {
    if (!SCHEME.test(rest.slice(0, colon))) return false;
    rest = rest.slice(colon + 1);
  } else if (absolute || colon === 0) {
    return false;
  }
  if (rest.startsWith("//")) {
    const end = rest.indexOf("/", 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    if (!__isAuthority(authority)) return false;
    rest = end < 0 ? "" : rest.slice(end);
  }
  return PCHARS.test(rest);
}

export function __isJsonPointer(value: string): boolean {
  return value === "" || (value.startsWith("/") && !BAD_TILDE.test(value));
}

export function __isRelativeJsonPointer(value: string): boolean {
  const prefix = RELATIVE_PREFIX.exec(value)?.[0];
  if (prefix === undefined) return false;
  const rest = value.slice(prefix.length);
  return rest === "#" || __isJsonPointer(rest);
}

export function __isRegex(value: string): boolean {
  if (value.length > 10_000) return false;
  try {
    new RegExp(value, "u");
    return true;
  } catch {
    return false;
  }
}

export function __isDuration(v: string): boolean {
  return v.length <= 256 && DURATION.test(v);
}

export function __isIpv4(v: string): boolean {
  return IPV4.test(v);
}

export function __isUri(v: string): boolean {
  return __isUriReference(v, true);
}

export function __isUriRef(v: string): boolean {
  return __isUriReference(v, false);
}

/** The length first: a wrong length (most non-uuids) is rejected without entering the regex engine. */
export function __isUuid(v: string): boolean {
  return v.length === 36 && UUID.test(v);
}

export function __isByte(v: string): boolean {
  return v.length % 4 === 0 && BASE64.test(v);
}

export function __isInt32(v: number): boolean {
  return Number.isInteger(v) && v >= -(2 ** 31) && v <= 2 ** 31 - 1;
}

export function __isInt64(v: number): boolean {
  return Number.isInteger(v);
}

export function __isFiniteNumber(v: number): boolean {
  return Number.isFinite(v);
}

/** For the generator: which function checks which format (generated code calls the functions by name). */
export const __formats = {
  date: { type: "string", validate: __isDate },
  time: { type: "string", validate: __isTime },
  "date-time": { type: "string", validate: __isDateTime },
  duration: { type: "string", validate: __isDuration },
  email: { type: "string", validate: __isEmail },
  hostname: { type: "string", validate: __isHostname },
  ipv4: { type: "string", validate: __isIpv4 },
  ipv6: { type: "string", validate: __isIpv6 },
  uri: { type: "string", validate: __isUri },
  "uri-reference": { type: "string", validate: __isUriRef },
  uuid: { type: "string", validate: __isUuid },
  regex: { type: "string", validate: __isRegex },
  "json-pointer": { type: "string", validate: __isJsonPointer },
  "relative-json-pointer": { type: "string", validate: __isRelativeJsonPointer },
  byte: { type: "string", validate: __isByte },
  int32: { type: "number", validate: __isInt32 },
  int64: { type: "number", validate: __isInt64 },
  float: { type: "number", validate: __isFiniteNumber },
  double: { type: "number", validate: __isFiniteNumber },
} satisfies Record<string, FormatCheck<number>>;
