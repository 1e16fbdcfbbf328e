/**
 * Hostile payloads: the generated validators never throw, hang or pollute prototypes, whatever they are given.
 * "Never hang" is enforced by the test timeout, not by timing assertions.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ValidationIssue, Validator } from "../../generator/runtime/validation.js";
import { generateModule, openapi } from "./helpers.js";

const DOC = openapi("3.1.0", {
  components: {
    schemas: {
      Tree: { type: "object", properties: { child: { $ref: "#/components/schemas/Tree" } } },
      Nested: { type: "array", items: { $ref: "#/components/schemas/Nested" } },
      Code: { type: "string", pattern: "^[a-z]+_[0-9]+$" },
      Anything: {},
      Ints: { type: "array", items: { type: "integer" } },
      Unique: { type: "array", uniqueItems: true },
      Contact: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", maxLength: 64 },
          email: { type: "string", format: "email" },
          website: { type: "string", format: "uri" },
          created: { type: "string", format: "date-time" },
          tags: { type: "object", additionalProperties: { type: "string" } },
        },
      },
      // A textbook catastrophic-backtracking pattern: exponential on "aaaa…!" with a backtracking engine.
      Evil: { type: "string", pattern: "^(a+)+$" },
      EvilKeys: { type: "object", patternProperties: { "^(a|aa)+$": { type: "string" } } },
    } as never,
  },
});

let v: Record<string, Validator>;
beforeAll(async () => {
  v = (await generateModule(DOC, "hostile")).schemaValidators;
});

function nested(depth: number, leaf: unknown = {}): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { child: value };
  return value;
}

function safely(validator: Validator | undefined, value: unknown): { valid: boolean; issues: ValidationIssue[] } {
  expect(validator).toBeDefined();
  const issues = (validator as Validator).validate(value);
  const valid = (validator as Validator).is(value);
  expect(Array.isArray(issues)).toBe(true);
  expect(valid).toBe(issues.length === 0);
  return { valid, issues };
}

describe("hostile payloads", () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("nesting 10,000 deep: a recursive schema answers (valid or a depth issue), never a crash", () => {
    const { valid, issues } = safely(v.Tree, nested(10_000));
    if (!valid) expect(issues[0]?.keyword).toBe("depth");
    expect(safely(v.Anything, nested(10_000)).valid).toBe(true);
    expect(safely(v.Tree, nested(10_000, { child: 5 })).valid).toBe(false);
  });

  it("a 10,000-deep array against a recursive schema: valid or a depth issue, never a stack overflow", () => {
    let value: unknown = [];
    for (let i = 0; i < 10_000; i++) value = [value];
    const { valid, issues } = safely(v.Nested, value);
    if (!valid) expect(issues).toEqual([{ path: "", keyword: "depth", message: expect.stringContaining("deeply") }]);
    let bad: unknown = ["x"];
    for (let i = 0; i < 10_000; i++) bad = [bad];
    expect(safely(v.Nested, bad).valid).toBe(false);
  });

  it("nesting 1,000,000 deep overflows the stack inside Ajv's code and is reported as a depth issue", () => {
    const { issues } = safely(v.Tree, nested(1_000_000));
    expect(issues).toEqual([{ path: "", keyword: "depth", message: expect.stringContaining("nested too deeply") }]);
  });

  it("10 MB strings: length limits, formats and spec patterns stay linear", () => {
    const big = "a".repeat(10 * 2 ** 20);
    expect(safely(v.Contact, { name: big }).issues.map((i) => i.keyword)).toEqual(["maxLength"]);
    const formats = safely(v.Contact, { name: "n", email: `${big}@x`, website: `http://x/${big} `, created: big });
    expect(formats.issues.map((i) => `${i.path} ${i.keyword}`)).toEqual([
      "/email format",
      "/website format",
      "/created format",
    ]);
    expect(safely(v.Evil, `${big}!`).issues.map((i) => i.keyword)).toEqual(["pattern"]);
    expect(safely(v.Evil, big).valid).toBe(true);
    // A pattern proven linear runs on V8: the same 10 MB answer, without RE2.
    expect(safely(v.Code, `${big}!`).issues.map((i) => i.keyword)).toEqual(["pattern"]);
    expect(safely(v.Code, `${big}_1`).valid).toBe(true);
    expect(safely(v.EvilKeys, { [`${"a".repeat(100_000)}!`]: 1, aaaa: "x" }).valid).toBe(true);
    expect(safely(v.EvilKeys, { [big]: 1 }).valid).toBe(false);
  });

  it("million-element arrays", () => {
    const ints = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(safely(v.Ints, ints).valid).toBe(true);
    ints[999_999] = 0.5 as number;
    expect(safely(v.Ints, ints).issues).toEqual([{ path: "/999999", keyword: "type", message: "must be an integer" }]);
    const allWrong = Array.from({ length: 1_000_000 }, () => "x");
    const { issues } = safely(v.Ints, allWrong);
    expect(issues).toHaveLength(101);
    expect(issues[100]).toMatchObject({ keyword: "maxIssues" });
  });

  it("__proto__ and constructor keys neither pollute nor confuse", () => {
    const payload = JSON.parse(
      '{"name":"n","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"tags":{"__proto__":"x","constructor":"y","toString":"z"}}',
    ) as unknown;
    expect(safely(v.Contact, payload).valid).toBe(true);
    const badTags = JSON.parse('{"name":"n","tags":{"__proto__":{"polluted":true}}}') as unknown;
    expect(safely(v.Contact, badTags).issues).toEqual([
      { path: "/tags/__proto__", keyword: "type", message: "must be a string" },
    ]);
    // An object without a prototype is an object like any other.
    expect(safely(v.Contact, Object.assign(Object.create(null) as object, { name: "n" })).valid).toBe(true);
    expect(safely(v.Contact, Object.create(null) as unknown).valid).toBe(false);
  });

  it.each([
    ["undefined", undefined],
    ["a function", () => 1],
    ["a BigInt", 10n],
    ["a symbol", Symbol("s")],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a Date", new Date(0)],
    ["a Map", new Map([["name", "n"]])],
  ])("values JSON cannot hold: %s is reported, never thrown", (_name, value) => {
    expect(safely(v.Contact, value).valid).toBe(false);
    expect(safely(v.Ints, [value]).valid).toBe(false);
    expect(safely(v.Contact, { name: value }).valid).toBe(false);
  });

  it("cycles: reported as a depth issue where the schema recurses, accepted where it does not look", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.child = cyclic;
    expect(safely(v.Tree, cyclic).issues.map((i) => i.keyword)).toEqual(["depth"]);
    expect(safely(v.Anything, cyclic).valid).toBe(true);
    const a: unknown[] = [];
    a.push(a);
    const b: unknown[] = [];
    b.push(b);
    expect(safely(v.Unique, [a, b]).valid).toBe(false);
  });

  it("getters that throw and proxies are reported as issues", () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        has() {
          throw new Error("boom");
        },
      },
    );
    const { issues } = safely(v.Contact, trap);
    expect(issues).toEqual([{ path: "", keyword: "internal", message: "could not be validated: boom" }]);
  });
});
