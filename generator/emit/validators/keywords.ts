/**
 * The body of one compiled schema. Conventions of the generated code: `d` is the value, `p` the depth of its
 * parent and `y` its key there (null: `d` is at `p` itself), `e` the issue list (null: stop at the first failure),
 * `a` the annotations of an in-place applicator's parent (unevaluated*), `c` this schema's own annotations.
 * `$i(...)` records an issue and answers whether to stop; a check is `if (failed && $i(...)) return false;`.
 * Paths are not built while checking: `p` is a depth, `const q = e ? $q(p, y) : 0` records the value's key in `$P`
 * (collecting only) and gives its members' depth; `$i` joins a JSON Pointer only for an issue it records.
 */
import { jsonLiteral, propertyAccess, stringLiteral } from "../safe.js";
import { ACCEPT, REJECT, type BodyCompiler as Compiler, type Callee, type SubschemaContext } from "./callee.js";
import { message, pointerSegment } from "./messages.js";
import { __formats } from "../../runtime/formats.js";
import { FILE_STAND_IN_LENGTH } from "../../runtime/validator-engine.js";

export type BodyContext = SubschemaContext;

const PROTOTYPE_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));
const TYPE_TEST: Record<string, string> = {
  string: 'typeof d === "string"',
  number: 'typeof d === "number" && Number.isFinite(d)',
  integer: "Number.isInteger(d)",
  boolean: 'typeof d === "boolean"',
  null: "d === null",
  array: "Array.isArray(d)",
  object: 'd !== null && typeof d === "object" && !Array.isArray(d)',
};
const NOT_TYPE: Record<string, string> = {
  string: 'typeof d !== "string"',
  number: '!(typeof d === "number" && Number.isFinite(d))',
  integer: "!Number.isInteger(d)",
  boolean: 'typeof d !== "boolean"',
  null: "d !== null",
  array: "!Array.isArray(d)",
  object: 'd === null || typeof d !== "object" || Array.isArray(d)',
};
/** The order of the engine's TYPE_MESSAGES (a single-type check writes the index). */
const TYPE_ORDER = ["string", "number", "integer", "boolean", "null", "array", "object"];
const GROUP_TEST: Record<string, string> = {
  string: 'typeof d === "string"',
  number: 'typeof d === "number"',
  array: "Array.isArray(d)",
  object: 'd !== null && typeof d === "object" && !Array.isArray(d)',
};

type S = Record<string, unknown>;

const lit = stringLiteral;
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** `$i(e, p, y, "keyword", "message")`; `at` is the parent pointer and key of the value the issue is about. */
function issue(keyword: string, text: string, at = HERE): string {
  return `$i(e, ${at}, ${lit(keyword)}, ${lit(text)})`;
}

/** Where the value itself is: its parent's pointer and its key. */
const HERE = "p, y";

/** Where a member of the value is (`q` is the value's own pointer, built once per call while collecting). */
function memberAt(key: string): string {
  return `q, ${key}`;
}

/** A value read from `d`: own properties only for names every object inherits (`constructor`, `__proto__`). */
function member(name: string): string {
  return PROTOTYPE_MEMBERS.has(name) ? `$o(d, ${lit(name)})` : `d${propertyAccess(name)}`;
}

class Body {
  readonly lines: string[] = [];
  collects = false;
  /** Some line uses `q`, the value's own pointer. */
  usesQ = false;
  constructor(
    readonly compiler: Compiler,
    readonly schema: S,
    readonly ctx: BodyContext,
    /** Annotation variable handed to in-place applicators: "c" (own), "a" (parent's) or "" (none). */
    readonly annotations: string,
  ) {}

  check(condition: string, keyword: string, text: string, at = HERE): void {
    this.collects = true;
    this.usesQ ||= at !== HERE;
    this.lines.push(`if (${condition} && ${issue(keyword, text, at)}) return false;`);
  }

  /** `callee(value, parent pointer, key, e)` must pass; collecting mode goes on after a failure. */
  apply(callee: Callee, value: string, at: string, guard = "", annotations = ""): void {
    if (callee.name === ACCEPT) return;
    this.collects = true;
    this.usesQ ||= at !== HERE;
    if (callee.inline && !annotations) {
      const fails = inlineTest(callee.inline.fails, value);
      this.lines.push(
        `if (${guard ? `${guard} && ` : ""}${fails} && $ty(e, ${at}, ${callee.inline.type})) return false;`,
      );
      return;
    }
    const args = `${value}, ${at}, e${annotations ? `, ${annotations}` : ""}`;
    const call = this.compiler.call(callee, this.ctx.resource, args);
    this.lines.push(`if (${guard ? `${guard} && ` : ""}!${call} && !e) return false;`);
  }

  sub(schema: unknown, where: string, ann = false): Callee {
    return this.compiler.sub(schema, this.ctx, `${this.ctx.location}/${where}`, ann);
  }

  /** Calls a subschema as a yes/no question (no issues collected). */
  test(callee: Callee, value: string, annotations = ""): string {
    if (callee.name === ACCEPT) return "true";
    if (callee.name === REJECT) return "false";
    return this.compiler.call(
      callee,
      this.ctx.resource,
      `${value}, 0, null, null${annotations ? `, ${annotations}` : ""}`,
    );
  }
}

/** A type-only subschema's failing test (written for `d`) applied to `value` (a member read, no side effects). */
function inlineTest(fails: string, value: string): string {
  const test = fails.replace(/(?<![\w$.])d(?![\w$])/g, value);
  return fails.includes("||") ? `(${test})` : test;
}

/** A keyword whose value JSON Schema does not allow (`type: "strnig"`, `minLength: "x"`). */
export class SchemaShapeError extends Error {}

const TYPES = new Set(Object.keys(TYPE_TEST));
const COUNT_KEYWORDS = ["maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"];
const NUMBER_KEYWORDS = ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"];

function checkShape(schema: S, location: string): void {
  const fail = (keyword: string, text: string): never => {
    throw new SchemaShapeError(`${location}/${keyword}: ${text}`);
  };
  if (schema.type !== undefined) {
    const list = Array.isArray(schema.type) ? schema.type : [schema.type];
    for (const t of list) {
      if (typeof t !== "string" || !TYPES.has(t)) fail("type", `${JSON.stringify(t)} is not a JSON Schema type`);
    }
  }
  for (const keyword of COUNT_KEYWORDS) {
    const v = schema[keyword];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
      fail(keyword, "must be a non-negative integer");
  }
  for (const keyword of NUMBER_KEYWORDS) {
    if (schema[keyword] !== undefined && num(schema[keyword]) === undefined) fail(keyword, "must be a number");
  }
  if (schema.pattern !== undefined && typeof schema.pattern !== "string") fail("pattern", "must be a string");
  if (schema.required !== undefined && !Array.isArray(schema.required)) fail("required", "must be a list of names");
}

export function bodyOf(compiler: Compiler, schema: S, ctx: BodyContext, ann: boolean): string | null {
  checkShape(schema, ctx.location);
  const unevaluated = "unevaluatedProperties" in schema || "unevaluatedItems" in schema;
  const b = new Body(compiler, schema, ctx, unevaluated ? "c" : ann ? "a" : "");
  const types = typeList(schema.type);
  if (types) {
    const test =
      types.length === 1 ? NOT_TYPE[types[0] as string] : `!(${types.map((t) => TYPE_TEST[t]).join(" || ")})`;
    const index = types.length === 1 ? TYPE_ORDER.indexOf(types[0] as string) : -1;
    b.lines.push(
      index >= 0
        ? `if (${test}) return $tf(e, p, y, ${index});`
        : `if (${test}) return $t(e, p, y, "type", ${lit(message("type", schema.type))});`,
    );
  }
  if (unevaluated) b.lines.push("const c = $an();");
  enumAndConst(b);
  const only = types?.length === 1 ? types[0] : undefined;
  const group = (type: string, fill: (g: Body) => void): void => {
    if (types && !types.some((t) => t === type || (type === "number" && t === "integer"))) return;
    const inner = new Body(compiler, schema, ctx, b.annotations);
    fill(inner);
    if (inner.lines.length === 0) return;
    b.collects ||= inner.collects;
    b.usesQ ||= inner.usesQ;
    const known = only === type || (type === "number" && only === "integer");
    b.lines.push(...(known ? inner.lines : [`if (${GROUP_TEST[type]}) {`, ...inner.lines, "}"]));
  };
  group("string", stringKeywords);
  group("number", numberKeywords);
  group("object", objectKeywords);
  group("array", arrayKeywords);
  inPlace(b);
  if (unevaluated) {
    group("object", unevaluatedProperties);
    group("array", unevaluatedItems);
    if (ann) b.lines.push("if (a) $merge(a, c);");
  }
  if (b.lines.length === 0) return null;
  if (b.usesQ) b.lines.splice(types ? 1 : 0, 0, "const q = e ? $q(p, y) : 0;");
  return b.collects
    ? `const n = e?.length;\n${b.lines.join("\n")}\nreturn !e || e.length === n;`
    : `${b.lines.join("\n")}\nreturn true;`;
}

function typeList(type: unknown): string[] | undefined {
  if (typeof type === "string") return [type];
  if (Array.isArray(type) && type.length > 0) return type.filter((t): t is string => typeof t === "string");
  return undefined;
}

function primitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function enumAndConst(b: Body): void {
  const values = b.schema.enum;
  if (Array.isArray(values)) {
    const text = message("enum", values);
    if (values.length === 0) b.check("true", "enum", text);
    else if (values.every(primitive) && values.length <= 4) {
      b.check(values.map((v) => `d !== ${jsonLiteral(v)}`).join(" && "), "enum", text);
    } else if (values.every(primitive)) {
      const set = b.compiler.constant(`new Set${b.compiler.ts("<unknown>")}([${values.map(jsonLiteral).join(", ")}])`);
      b.check(`!${set}.has(d)`, "enum", text);
    } else {
      const list = b.compiler.constant(`[${values.map(jsonLiteral).join(", ")}]`, ": unknown[]");
      b.check(`!${list}.some((x) => $eq(x, d))`, "enum", text);
    }
  }
  if ("const" in b.schema) {
    const value = b.schema.const;
    const text = message("const", value);
    if (primitive(value)) b.check(`d !== ${jsonLiteral(value)}`, "const", text);
    else b.check(`!$eq(d, ${b.compiler.constant(jsonLiteral(value), ": unknown")})`, "const", text);
  }
}

function stringKeywords(b: Body): void {
  const s = b.schema;
  const max = num(s.maxLength);
  // A bound past a file stand-in's length must still ask $len, which knows the real size of a large file.
  const big = `d.length === ${FILE_STAND_IN_LENGTH}`;
  if (max !== undefined) {
    const long = max >= FILE_STAND_IN_LENGTH ? `(d.length > ${max} || ${big})` : `d.length > ${max}`;
    b.check(`${long} && $len(d) > ${max}`, "maxLength", message("maxLength", max));
  }
  const min = num(s.minLength);
  if (min !== undefined && min > 0) {
    const short = min > FILE_STAND_IN_LENGTH ? `(d.length < ${min} && !${big})` : `d.length < ${min}`;
    b.check(`(${short} || $len(d) < ${min})`, "minLength", message("minLength", min));
  }
  if (typeof s.pattern === "string") {
    const re = b.compiler.pattern(s.pattern, `${b.ctx.location}/pattern`);
    b.check(`!${re}.test(d)`, "pattern", message("pattern", s.pattern));
  }
  formatCheck(b, "string");
}

function formatCheck(b: Body, type: "string" | "number"): void {
  const format = b.schema.format;
  if (typeof format !== "string" || !b.compiler.options.assertFormats) return;
  if (!Object.prototype.hasOwnProperty.call(__formats, format)) return;
  const check = __formats[format as keyof typeof __formats];
  if (check.type !== type) return;
  // Already implied by the type check (integers are finite, numbers are finite here).
  const types = typeList(b.schema.type);
  if (
    types &&
    (format === "float" || format === "double" || (format === "int64" && types.every((t) => t === "integer")))
  )
    return;
  b.check(`!${check.validate.name}(d)`, "format", message("format", format));
}

function numberKeywords(b: Body): void {
  const s = b.schema;
  const bounds: Array<[string, string]> = [
    ["maximum", ">"],
    ["minimum", "<"],
    ["exclusiveMaximum", ">="],
    ["exclusiveMinimum", "<="],
  ];
  for (const [keyword, op] of bounds) {
    const limit = num(s[keyword]);
    if (limit !== undefined) b.check(`d ${op} ${limit}`, keyword, message(keyword, limit));
  }
  const step = num(s.multipleOf);
  if (step !== undefined && step > 0) {
    const test = Number.isInteger(step) ? `d % ${step} !== 0` : `!Number.isInteger(d / ${step})`;
    b.check(test, "multipleOf", message("multipleOf", step));
  }
  formatCheck(b, "number");
}

function objectKeywords(b: Body): void {
  const s = b.schema;
  const properties = isRecord(s.properties) ? s.properties : {};
  for (const name of Array.isArray(s.required) ? s.required : []) {
    if (typeof name !== "string") continue;
    const flag = requiredFlag(b, properties[name]);
    const D = b.compiler.direction;
    const direction = flag === "readOnly" ? ` && ${D} !== 1` : flag === "writeOnly" ? ` && ${D} !== 2` : "";
    b.collects = true;
    b.lines.push(`if (${member(name)} === undefined${direction} && $r(e, p, y, ${lit(name)})) return false;`);
  }
  if (isRecord(s.dependentRequired)) {
    for (const [name, list] of Object.entries(s.dependentRequired)) {
      if (!Array.isArray(list)) continue;
      for (const dep of list) {
        if (typeof dep !== "string") continue;
        const text = `is required when ${JSON.stringify(name)} is present (missing property ${JSON.stringify(dep)})`;
        b.check(
          `${member(name)} !== undefined && ${member(dep)} === undefined`,
          "dependentRequired",
          text,
          memberAt(lit(dep)),
        );
      }
    }
  }
  const maxP = num(s.maxProperties);
  if (maxP !== undefined) b.check(`Object.keys(d).length > ${maxP}`, "maxProperties", message("maxProperties", maxP));
  const minP = num(s.minProperties);
  if (minP !== undefined && minP > 0) {
    b.check(`Object.keys(d).length < ${minP}`, "minProperties", message("minProperties", minP));
  }
  for (const [name, sub] of Object.entries(properties)) {
    b.apply(
      b.sub(sub, `properties/${pointerSegment(name)}`),
      member(name),
      memberAt(lit(name)),
      `${member(name)} !== undefined`,
    );
  }
  keyLoop(b, properties);
  if (isRecord(s.dependentSchemas)) {
    for (const [name, sub] of Object.entries(s.dependentSchemas)) {
      const callee = b.sub(sub, `dependentSchemas/${pointerSegment(name)}`, b.annotations !== "");
      b.apply(callee, "d", HERE, `${member(name)} !== undefined`, b.annotations);
    }
  }
  if (b.annotations) {
    const names = Object.keys(properties);
    if (names.length > 0) {
      const list = b.compiler.constant(`[${names.map((n) => lit(n)).join(", ")}]`, ": string[]");
      b.lines.push(`if (${b.annotations}) for (const k of ${list}) ${b.annotations}.p.add(k);`);
    }
    if (s.additionalProperties !== undefined) b.lines.push(`if (${b.annotations}) ${b.annotations}.pa = true;`);
  }
}

/** patternProperties, additionalProperties and propertyNames: one pass over the object's own keys. */
function keyLoop(b: Body, properties: S): void {
  const s = b.schema;
  const inner: string[] = [];
  const patterns = isRecord(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  const res: string[] = [];
  const value = "d[k]";
  const path = memberAt("k");
  const sub = new Body(b.compiler, s, b.ctx, "");
  patterns.forEach(([source, schema]) => {
    const re = b.compiler.pattern(source, `${b.ctx.location}/patternProperties/${pointerSegment(source)}`);
    res.push(re);
    sub.apply(sub.sub(schema, `patternProperties/${pointerSegment(source)}`), value, path, `${re}.test(k)`);
  });
  if (b.annotations && res.length > 0)
    b.lines.push(`if (${b.annotations}) ${b.annotations}.r.push(${res.join(", ")});`);
  const additional = s.additionalProperties;
  if (additional !== undefined && additional !== true) {
    const names = Object.keys(properties);
    const known =
      names.length <= 6
        ? names.map((n) => `k !== ${lit(n)}`)
        : [
            `!${b.compiler.constant(`new Set${b.compiler.ts("<string>")}([${names.map((n) => lit(n)).join(", ")}])`)}.has(k)`,
          ];
    const outside = [...known, ...res.map((re) => `!${re}.test(k)`)].join(" && ") || "true";
    const callee = sub.sub(additional, "additionalProperties");
    if (callee.name === REJECT) {
      sub.check(outside, "additionalProperties", message("additionalProperties"), path);
    } else sub.apply(callee, value, path, outside === "true" ? "" : outside);
  }
  if (s.propertyNames !== undefined) {
    const callee = sub.sub(s.propertyNames, "propertyNames");
    if (callee.name !== ACCEPT) sub.check(`!${sub.test(callee, "k")}`, "propertyNames", message("propertyNames"));
  }
  inner.push(...sub.lines);
  if (inner.length === 0) return;
  b.collects = true;
  b.usesQ ||= sub.usesQ;
  b.lines.push("for (const k of Object.keys(d)) {", ...inner, "}");
}

function arrayKeywords(b: Body): void {
  const s = b.schema;
  const maxI = num(s.maxItems);
  if (maxI !== undefined) b.check(`d.length > ${maxI}`, "maxItems", message("maxItems", maxI));
  const minI = num(s.minItems);
  if (minI !== undefined && minI > 0) b.check(`d.length < ${minI}`, "minItems", message("minItems", minI));
  if (s.uniqueItems === true) {
    b.collects = true;
    b.lines.push(
      '{ const u = $dup(d); if (u && $i(e, p, y, "uniqueItems", `must not contain duplicates (items ${u[0]} and ${u[1]} are equal)`)) return false; }',
    );
  }
  // Draft 2019 and OpenAPI 3.0 tuples: `items` as a list, `additionalItems` for the rest.
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
  const prefixKeyword = Array.isArray(s.prefixItems) ? "prefixItems" : "items";
  prefix.forEach((schema, i) => {
    b.apply(b.sub(schema, `${prefixKeyword}/${i}`), `d[${i}]`, memberAt(String(i)), `d.length > ${i}`);
  });
  if (rest !== undefined) {
    const callee = b.sub(rest, Array.isArray(s.items) ? "additionalItems" : "items");
    if (callee.name === REJECT) {
      b.check(`d.length > ${prefix.length}`, "items", message("items", prefix.length));
    } else if (callee.inline) {
      b.collects = true;
      b.usesQ = true;
      const fails = inlineTest(callee.inline.fails, "d[i]");
      b.lines.push(
        `for (let i = ${prefix.length}; i < d.length; i++) if (${fails} && $ty(e, q, i, ${callee.inline.type})) return false;`,
      );
    } else if (callee.name !== ACCEPT) {
      b.collects = true;
      b.usesQ = true;
      const call = b.compiler.call(callee, b.ctx.resource, "d[i], q, i, e");
      b.lines.push(`for (let i = ${prefix.length}; i < d.length; i++) if (!${call} && !e) return false;`);
    }
  }
  if (b.annotations) {
    if (rest !== undefined) b.lines.push(`if (${b.annotations}) ${b.annotations}.ia = true;`);
    else if (prefix.length > 0) {
      b.lines.push(
        `if (${b.annotations} && ${b.annotations}.i < ${prefix.length}) ${b.annotations}.i = ${prefix.length};`,
      );
    }
  }
  containsKeywords(b);
}

function containsKeywords(b: Body): void {
  const s = b.schema;
  if (s.contains === undefined) return;
  const callee = b.sub(s.contains, "contains");
  const min = num(s.minContains) ?? 1;
  const max = num(s.maxContains);
  const record = b.annotations ? ` if (${b.annotations}) ${b.annotations}.c.add(i);` : "";
  b.collects = true;
  b.lines.push(`{ let m = 0; for (let i = 0; i < d.length; i++) if (${b.test(callee, "d[i]")}) { m++;${record} }`);
  const minKeyword = s.minContains === undefined ? "contains" : "minContains";
  if (min > 0) b.lines.push(`if (m < ${min} && ${issue(minKeyword, message(minKeyword, min))}) return false;`);
  if (max !== undefined)
    b.lines.push(`if (m > ${max} && ${issue("maxContains", message("maxContains", max))}) return false;`);
  b.lines.push("}");
}

/** $ref, $dynamicRef, allOf, anyOf, oneOf, not, if/then/else: subschemas applied to the same value. */
function inPlace(b: Body): void {
  const s = b.schema;
  const ann = b.annotations !== "";
  const x = b.annotations;
  if (typeof s.$ref === "string") {
    b.apply(b.compiler.ref(b.compiler.resolve(s.$ref, b.ctx.base, b.ctx.location), ann), "d", HERE, "", x);
  }
  if (typeof s.$dynamicRef === "string") dynamicRef(b, s.$dynamicRef);
  if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => b.apply(b.sub(sub, `allOf/${i}`, ann), "d", HERE, "", x));
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    const callees = list.map((sub, i) => b.sub(sub, `${keyword}/${i}`, ann));
    b.collects = true;
    const lines = [`{ const t${b.compiler.ts(": $E")} = e && []; let m = 0;`];
    callees.forEach((callee, i) => {
      const call = b.compiler.call(callee, b.ctx.resource, `d, p, y, t${ann ? `, c${i}` : ""}`);
      const stop = keyword === "anyOf" && !ann ? "m === 0 && " : "";
      const callText = callee.name === ACCEPT ? "true" : callee.name === REJECT ? `$no(d, p, y, t)` : call;
      if (ann) lines.push(`const c${i} = ${x} && $an();`);
      lines.push(`if (${stop}${callText}) { m++;${ann ? ` if (${x} && c${i}) $merge(${x}, c${i});` : ""} }`);
    });
    const failed = keyword === "anyOf" ? "m === 0" : "m !== 1";
    lines.push(
      `if (${failed} && $j(e, m === 0 ? t : null, p, y, ${lit(keyword)}, ${lit(message(keyword))})) return false; }`,
    );
    b.lines.push(...lines);
  }
  if (s.not !== undefined) {
    const callee = b.sub(s.not, "not");
    b.check(b.test(callee, "d"), "not", message("not"));
  }
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined || ann)) {
    const test = b.sub(s.if, "if", ann);
    const then = s.then === undefined ? undefined : b.sub(s.then, "then", ann);
    const otherwise = s.else === undefined ? undefined : b.sub(s.else, "else", ann);
    const branch = (callee: Callee | undefined): string => {
      if (!callee || callee.name === ACCEPT) return "";
      const call = b.compiler.call(callee, b.ctx.resource, `d, p, y, e${ann ? `, ${x}` : ""}`);
      return ` if (!${call} && $i(e, p, y, "if", ${lit(message("if"))})) return false;`;
    };
    b.collects = true;
    if (ann) {
      b.lines.push(
        `{ const ci = ${x} && $an(); if (${b.test(test, "d", "ci")}) { if (${x} && ci) $merge(${x}, ci);${branch(then)} } else {${branch(otherwise)} } }`,
      );
    } else {
      b.lines.push(`if (${b.test(test, "d")}) {${branch(then)} } else {${branch(otherwise)} }`);
    }
  }
}

function dynamicRef(b: Body, ref: string): void {
  const target = b.compiler.resolve(ref, b.ctx.base, b.ctx.location);
  const hash = ref.indexOf("#");
  const anchor = hash >= 0 ? ref.slice(hash + 1) : "";
  const dynamic =
    anchor !== "" &&
    !anchor.startsWith("/") &&
    typeof target.schema === "object" &&
    target.schema.$dynamicAnchor === anchor;
  if (!dynamic) {
    b.apply(b.compiler.ref(target, b.annotations !== ""), "d", HERE, "", b.annotations);
    return;
  }
  const fallback = b.compiler.ref(target, true);
  b.collects = true;
  const args = `d, p, y, e${b.annotations ? `, ${b.annotations}` : ""}`;
  b.lines.push(`if (!$dyn(${lit(anchor)}, ${fallback.name})(${args}) && !e) return false;`);
}

function unevaluatedProperties(b: Body): void {
  const schema = b.schema.unevaluatedProperties;
  if (schema === undefined) return;
  const callee = b.sub(schema, "unevaluatedProperties");
  const path = memberAt("k");
  b.collects = true;
  b.usesQ = true;
  if (callee.name === REJECT) {
    b.lines.push(
      `for (const k of Object.keys(d)) if (!$evaluatedProperty(c, k) && ${issue("unevaluatedProperties", message("unevaluatedProperties"), path)}) return false;`,
    );
  } else if (callee.name !== ACCEPT) {
    const call = b.compiler.call(callee, b.ctx.resource, `d[k], ${path}, e`);
    b.lines.push(`for (const k of Object.keys(d)) if (!$evaluatedProperty(c, k) && !${call} && !e) return false;`);
  }
  b.lines.push("c.pa = true;");
}

function unevaluatedItems(b: Body): void {
  const schema = b.schema.unevaluatedItems;
  if (schema === undefined) return;
  const callee = b.sub(schema, "unevaluatedItems");
  const open = "(c.ia || i < c.i || c.c.has(i))";
  b.collects = true;
  b.usesQ = true;
  if (callee.name === REJECT) {
    b.lines.push(
      `for (let i = 0; i < d.length; i++) if (!${open} && $i(e, q, i, "unevaluatedItems", "is not an allowed item")) return false;`,
    );
  } else if (callee.name !== ACCEPT) {
    const call = b.compiler.call(callee, b.ctx.resource, "d[i], q, i, e");
    b.lines.push(`for (let i = 0; i < d.length; i++) if (!${open} && !${call} && !e) return false;`);
  }
  b.lines.push("c.ia = true;");
}

/** readOnly / writeOnly of a required member's schema, seen through `$ref`s. */
function requiredFlag(b: Body, schema: unknown): "readOnly" | "writeOnly" | undefined {
  let current = schema;
  let base = b.ctx.base;
  for (let hops = 0; hops < 32 && isRecord(current); hops++) {
    if (current.readOnly === true) return "readOnly";
    if (current.writeOnly === true) return "writeOnly";
    if (typeof current.$ref !== "string") return undefined;
    try {
      const target = b.compiler.resolve(current.$ref, base);
      current = target.schema;
      base = target.base;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is S {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
