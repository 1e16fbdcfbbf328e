/**
 * The char-code format scanners (generator/runtime/formats.ts: date, time, date-time, hostname, ipv6, the short
 * e-mail shape and uuid's length guard) give the verdicts of the regular-expression versions they replaced (kept here as the reference), on
 * chosen strings and on generated ones: valid values, their one-character mutations, and strings over the formats'
 * own characters. The JSON-Schema-Test-Suite format tests (json-schema-test-suite.test.ts) check both against the
 * standards.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  __isDate,
  __isDateTime,
  __isEmail,
  __isHostname,
  __isIpv6,
  __isTime,
  __isUuid,
  __scanDateTime,
} from "../../generator/runtime/formats.js";

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DIGITS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const two = (v: string, at: number): number => (v.charCodeAt(at) - 48) * 10 + v.charCodeAt(at + 1) - 48;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const SIMPLE_EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const QUOTED = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** The previous implementations (main before ADR 0114), verbatim but for names. */
const REFERENCE: Record<string, (value: string) => boolean> = {
  date(value) {
    const m = DIGITS_DATE.exec(value);
    if (!m) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS[month] ?? 0));
  },
  time(value) {
    const m = DIGITS_TIME.exec(value);
    if (!m) return false;
    const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const sign = m[5] === "-" ? -1 : 1;
    const offset = m[4] ? 0 : Number(m[6]) * 60 + Number(m[7]);
    if (hour > 23 || minute > 59 || second > 60 || Number(m[6] ?? 0) > 23 || Number(m[7] ?? 0) > 59) return false;
    if (second < 60) return true;
    const utcMinutes = (((hour * 60 + minute - sign * offset) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  },
  hostname(value) {
    const host = value.endsWith(".") ? value.slice(0, -1) : value;
    return host.length >= 1 && host.length <= 253 && host.split(".").every((label) => LABEL.test(label));
  },
  "date-time"(v) {
    const n = v.length;
    if (n > 64 || !DATE_TIME_SHAPE.test(v)) return false;
    const zone = v.charCodeAt(n - 1) === 90 || v.charCodeAt(n - 1) === 122 ? 0 : v.charCodeAt(n - 6);
    const utc = zone === 0;
    const [month, day] = [two(v, 5), two(v, 8)];
    const year = two(v, 0) * 100 + two(v, 2);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : (DAYS[month] ?? 0))) return false;
    const [hour, minute, second] = [two(v, 11), two(v, 14), two(v, 17)];
    const offsetHours = utc ? 0 : two(v, n - 5);
    const offsetMinutes = utc ? 0 : two(v, n - 2);
    if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return false;
    if (second < 60) return true;
    const sign = zone === 45 ? -1 : 1;
    const utcMinutes = (((hour * 60 + minute - sign * (offsetHours * 60 + offsetMinutes)) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  },
  ipv6(value) {
    if (value.length > 45) return false;
    let text = value;
    if (text.includes(".")) {
      const cut = text.lastIndexOf(":");
      if (cut < 0 || !IPV4.test(text.slice(cut + 1))) return false;
      text = `${text.slice(0, cut + 1)}0:0`;
    }
    const halves = text.split("::");
    const groups = (part: string): string[] => (part === "" ? [] : part.split(":"));
    if (halves.length > 2) return false;
    if (halves.length === 2) {
      const all = [...groups(halves[0] ?? ""), ...groups(halves[1] ?? "")];
      return all.length <= 7 && all.every((g) => HEX_GROUP.test(g));
    }
    const all = groups(text);
    return all.length === 8 && all.every((g) => HEX_GROUP.test(g));
  },
  email(value) {
    if (value.length <= 254 && SIMPLE_EMAIL.test(value)) return true;
    if (value.length > 320) return false;
    const at = value.lastIndexOf("@");
    if (at < 1) return false;
    const [local, domain] = [value.slice(0, at), value.slice(at + 1)];
    if (!(DOT_ATOM.test(local) || QUOTED.test(local))) return false;
    if (domain.startsWith("[") && domain.endsWith("]")) {
      const literal = domain.slice(1, -1);
      return literal.startsWith("IPv6:") ? REFERENCE.ipv6!(literal.slice(5)) : IPV4.test(literal);
    }
    return REFERENCE.hostname!(domain);
  },
  uuid: (value) => UUID.test(value),
};
const SCANNER: Record<string, (value: string) => boolean> = {
  date: __isDate,
  time: __isTime,
  "date-time": __isDateTime,
  hostname: __isHostname,
  uuid: __isUuid,
  email: __isEmail,
  ipv6: __isIpv6,
};

const CHOSEN: Record<string, string[]> = {
  date: [
    "2024-02-29",
    "2023-02-29",
    "1900-02-29",
    "2000-02-29",
    "2023-04-31",
    "2023-12-31",
    "2023-13-01",
    "2023-00-10",
  ],
  time: [
    "23:59:60Z",
    "23:59:60+00:00",
    "15:59:60-08:00",
    "12:00:60Z",
    "00:00:00.5z",
    "24:00:00Z",
    "12:00:00+24:00",
    "1:00:00Z",
  ],
  "date-time": [
    "2023-11-07T05:31:56Z",
    "2016-12-31T23:59:60Z",
    "2016-12-31T15:59:60-08:00",
    "2016-12-31T23:59:60+01:00",
    "2024-02-29t00:00:00.000001z",
    "2023-02-29T00:00:00Z",
    "2023-11-07T05:31:56.Z",
    "2023-11-07T05:31:56+0200",
    "2023-11-07 05:31:56Z",
    `2023-11-07T05:31:56.${"1".repeat(43)}Z`,
    `2023-11-07T05:31:56.${"1".repeat(44)}Z`,
  ],
  hostname: ["a.b", "a.b.", "a..b", "-a.b", "a-.b", "x".repeat(63), "x".repeat(64), `${"a.".repeat(126)}a`, "", "."],
  ipv6: [
    "::",
    "::1",
    "1::",
    ":1",
    "1:",
    ":::",
    "1:::2",
    "1:2:3:4:5:6:7:8",
    "1::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7::",
    "::ffff:192.168.1.1",
    "::1.2.3.4",
    "1.2.3.4",
    "1.2.3.4::",
    "1.2::1.2.3.4",
    "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5:6:7:1.2.3.4",
    "12345::",
    "fe80::1%eth0",
    "::ffff:256.1.1.1",
    `${"1:".repeat(22)}1`,
  ],
  email: [
    "ada@example.com",
    "a@b.co",
    "a@b",
    "a@-b.co",
    "a@b-.co",
    "a@b--c.co",
    "a@b..co",
    "a@b.co.",
    ".a@b.co",
    "a..b@c.co",
    '"quoted local"@example.com',
    "user@[192.168.1.1]",
    "user@[IPv6:::1]",
    `a@${"b".repeat(62)}`,
    `a@${"b".repeat(63)}`,
    `a@${"b".repeat(64)}`,
    `${"a".repeat(61)}@b.c`,
    `${"a".repeat(62)}@b.c`,
    "not-an-email",
    "nope",
    "",
    "@",
    '"a"@b',
    '"a b"@[IPv6:::1]',
    "a@[1.2.3.4]",
    "a@b.",
    "a.@b.",
  ],
  uuid: [
    "3f1c2b9e-8d7a-4c1b-9e2f-0a1b2c3d4e5f",
    "3F1C2B9E-8D7A-4C1B-9E2F-0A1B2C3D4E5F",
    "3f1c2b9e8d7a4c1b9e2f0a1b2c3d4e5f",
  ],
};
/** Valid values to mutate, and the characters mutations and random strings use. */
const SEEDS: Record<string, [string[], string]> = {
  date: [["2024-02-29", "1999-12-31"], "0123456789-T:a٣"],
  time: [["23:59:60Z", "08:30:00.123+05:30", "12:00:00z"], "0123456789:.+-Zz "],
  "date-time": [
    ["2016-12-31T23:59:60Z", "2023-11-07T05:31:56.123+02:00", "1999-12-31t23:59:59-00:30"],
    "0123456789-:.+Tt Zz",
  ],
  hostname: [["api.eu.example.com", "a-b.c0"], "az09-.A_ é"],
  ipv6: [["2001:db8:85a3::8a2e:370:7334", "::ffff:192.168.1.1", "1:2:3:4:5:6:7:8"], "0129afAF:.g%"],
  email: [["ada@example.com", "first.last+tag@mail.example.co.uk", `x@${"b".repeat(60)}.c`], 'ab0-.@+_"[] é'],
  uuid: [["3f1c2b9e-8d7a-4c1b-9e2f-0a1b2c3d4e5f"], "0123456789abcdefABCDEFg-"],
};

describe("format scanners agree with the regular expressions they replaced", () => {
  it.each(Object.keys(SCANNER))("%s on chosen strings", (format) => {
    for (const value of CHOSEN[format] ?? []) {
      expect([value, SCANNER[format]?.(value)]).toEqual([value, REFERENCE[format]?.(value)]);
    }
  });

  it.each(Object.keys(SCANNER))("%s on generated strings", (format) => {
    const [valid, chars] = SEEDS[format] as [string[], string];
    const char = fc.constantFrom(...chars);
    const strings = fc.oneof(
      fc
        .tuple(fc.constantFrom(...valid), fc.nat(), char, fc.integer({ min: 0, max: 1 }))
        .map(([value, at, ch, cut]) => {
          const k = at % (value.length + 1);
          return value.slice(0, k) + ch + value.slice(k + cut);
        }),
      fc.array(char, { maxLength: 40 }).map((parts) => parts.join("")),
      // Random digits in every digit slot: exercises the calendar and clock arithmetic.
      fc
        .constantFrom(...valid)
        .chain((value) =>
          fc
            .array(fc.integer({ min: 0, max: 9 }), { minLength: value.length, maxLength: value.length })
            .map((digits) => value.replace(/\d/g, (_, i: number) => String(digits[i] ?? 0))),
        ),
    );
    fc.assert(
      fc.property(strings, (value) => {
        expect([value, SCANNER[format]?.(value)]).toEqual([value, REFERENCE[format]?.(value)]);
      }),
      { numRuns: 2000, seed: 114 },
    );
  });
});

/** Two digits, zero-padded. */
const pad = (n: number): string => String(n).padStart(2, "0");

/** Values on which `fast` and `reference` disagree, as [value, fast, reference]. */
function disagreements(values: Iterable<string>, fast: (v: string) => boolean, reference: (v: string) => boolean) {
  const out: Array<[string, boolean, boolean]> = [];
  for (const v of values) if (fast(v) !== reference(v)) out.push([v, fast(v), reference(v)]);
  return out;
}

/** Every month 00-13 and day 00-32 of six years (2000, 2024 and 0000 are leap years; 1900, 2023 and 9999 are not). */
function calendar(suffix: string): string[] {
  const values: string[] = [];
  for (const year of ["1900", "2000", "2023", "2024", "0000", "9999"]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) values.push(`${year}-${pad(month)}-${pad(day)}${suffix}`);
    }
  }
  return values;
}

/** Every hour 00-24, six minutes and every second 00-61, in ten zone forms (good and bad offsets, fractions). */
function clock(prefix: string): string[] {
  const zones = ["Z", "z", "+00:00", "-08:00", "+01:00", "+23:59", "+24:00", "-00:60", ".5Z", ".123-00:01"];
  const values: string[] = [];
  for (let hour = 0; hour <= 24; hour++) {
    for (let minute = 0; minute <= 61; minute += minute === 58 ? 1 : 29) {
      for (let second = 0; second <= 61; second++) {
        for (const zone of zones) values.push(`${prefix}${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`);
      }
    }
  }
  return values;
}

describe("date and time: the regex fast paths give the verdicts of the regex references (ADR 0119)", () => {
  it("date: every month and day 00-32 of common, leap and century years", () => {
    const values = calendar("");
    expect(values.filter(__isDate).length).toBe(3 * 366 + 3 * 365);
    expect(disagreements(values, __isDate, REFERENCE.date!)).toEqual([]);
  });

  it("time: every hour, minute and second 00-61 in each zone form, and around 64 characters", () => {
    const values = clock("");
    for (const digits of [53, 54, 55, 56])
      values.push(`23:59:60.${"0".repeat(digits)}Z`, `12:00:00.${"1".repeat(digits)}z`);
    values.push("23:5", "23:59:6", "", "23:59:60");
    expect(disagreements(values, __isTime, REFERENCE.time!)).toEqual([]);
    expect(__isTime(`12:00:00.${"1".repeat(10_000_000)}Z`)).toBe(true);
  });
});

describe("hostname: the regex for names of up to 63 characters gives the reference's verdicts (ADR 0119)", () => {
  it("around the 63-character label and name limits, with and without the root dot", () => {
    const values: string[] = [];
    for (let length = 60; length <= 66; length++) {
      for (const label of [
        "x".repeat(length),
        `a${"-".repeat(length - 2)}b`,
        `${"ab.".repeat(length)}`.slice(0, length),
      ]) {
        values.push(label, `${label}.`, `${label}..`, `-${label}`, `${label}-`, `a.${label}`, `${label}.a`);
      }
    }
    values.push("", ".", "..", "a", "a.", "a..", "a-.b", "a.-b", "a--b", "a_b", "é.b", "a.b ");
    expect(disagreements(values, __isHostname, REFERENCE.hostname!)).toEqual([]);
  });
});

describe("date-time: the regex fast path gives the unrolled scanner's verdicts (ADR 0119)", () => {
  it("on every month and day 00-32 of common, leap and century years", () => {
    const values = calendar("T12:00:00Z");
    expect(values.filter(__isDateTime).length).toBe(3 * 366 + 3 * 365);
    expect(disagreements(values, __isDateTime, __scanDateTime)).toEqual([]);
  });

  it("on every hour, minute and second 00-61 and on offsets, in each zone form", () => {
    const values = clock("2016-12-31T");
    expect(disagreements(values, __isDateTime, __scanDateTime)).toEqual([]);
  });

  it("on mutated and random strings (seeded)", () => {
    const chars = "0123456789-:.+Tt Zz";
    const valid = [
      "2023-11-07T05:31:56Z",
      "2024-02-29T23:59:60Z",
      "2023-10-31T05:31:56.123+02:00",
      "1999-12-31t23:59:59-00:30",
    ];
    const strings = fc.oneof(
      fc
        .tuple(fc.constantFrom(...valid), fc.nat(), fc.constantFrom(...chars), fc.integer({ min: 0, max: 1 }))
        .map(([value, at, ch, cut]) => {
          const k = at % (value.length + 1);
          return value.slice(0, k) + ch + value.slice(k + cut);
        }),
      fc
        .constantFrom(...valid)
        .chain((value) =>
          fc
            .array(fc.integer({ min: 0, max: 9 }), { minLength: value.length, maxLength: value.length })
            .map((digits) => value.replace(/\d/g, (_, i: number) => String(digits[i] ?? 0))),
        ),
      fc.array(fc.constantFrom(...chars), { minLength: 18, maxLength: 66 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(strings, (value) => {
        expect([value, __isDateTime(value)]).toEqual([value, __scanDateTime(value)]);
      }),
      { numRuns: 5000, seed: 119 },
    );
  });

  it("at the 64-character limit, and on a 10 MB string", () => {
    const at = (digits: number) => `2023-11-07T05:31:56.${"1".repeat(digits)}Z`;
    expect([__isDateTime(at(43)), __isDateTime(at(44))]).toEqual([true, false]);
    expect(__isDateTime(at(10_000_000))).toBe(false);
  });
});
