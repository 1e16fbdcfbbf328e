/**
 * The body of one compiled schema. Conventions of the generated code: `d` is the value, `y` its key in its parent
 * (null: `d` is at its parent's place, for in-place applicators), `e` the issue list (null: stop at the first
 * failure), `a` the annotations of an in-place applicator's parent (unevaluated*), `c` this schema's own annotations.
 * `$i(e, key, ...)` records an issue about a member (key) or the value itself (null) and answers whether to stop; a
 * check is `if (failed && $i(...)) return false;`. Paths are relative to `d` while checking; a body that collected
 * issues returns through `$u(e, n, y)`, which puts `y` in front of their paths. A valid value costs no path work.
 */
import { EMPTY, join, num, ts, type Code } from "../code.js";
import { identifier, jsonLiteral, propertyAccess, stringLiteral } from "../safe.js";
import { ACCEPT, REJECT, type BodyCompiler as Compiler, type Callee, type SubschemaContext } from "./callee.js";
import { message, pointerSegment } from "./messages.js";
import {
  INLINE_KEYWORDS,
  MAX_DEPTH,
  MAX_LINES,
  dynamicPath,
  local,
  newScope,
  renderPath,
  type Part,
  type Scope,
} from "./inline.js";
import { __formats } from "../../runtime/formats.js";
import { FILE_STAND_IN_LENGTH } from "../../runtime/validator-engine.js";

export type BodyContext = SubschemaContext;

const PROTOTYPE_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));
const TYPE_TEST: Record<string, (d: Code) => Code> = {
  string: (d) => ts`typeof ${d} === "string"`,
  number: (d) => ts`typeof ${d} === "number" && Number.isFinite(${d})`,
  integer: (d) => ts`Number.isInteger(${d})`,
  boolean: (d) => ts`typeof ${d} === "boolean"`,
  null: (d) => ts`${d} === null`,
  array: (d) => ts`Array.isArray(${d})`,
  object: (d) => ts`${d} !== null && typeof ${d} === "object" && !Array.isArray(${d})`,
};
/** The test that a value fails a type, for `d` or (a type-only subschema checked in place) for a member read. */
const NOT_TYPE: Record<string, (d: Code) => Code> = {
  string: (d) => ts`typeof ${d} !== "string"`,
  number: (d) => ts`!(typeof ${d} === "number" && Number.isFinite(${d}))`,
  integer: (d) => ts`!Number.isInteger(${d})`,
  boolean: (d) => ts`typeof ${d} !== "boolean"`,
  null: (d) => ts`${d} !== null`,
  array: (d) => ts`!Array.isArray(${d})`,
  object: (d) => ts`${d} === null || typeof ${d} !== "object" || Array.isArray(${d})`,
};
/** The value being checked. */
const D = ts`d`;
/** The order of the engine's TYPE_MESSAGES (a single-type check writes the index). */
const TYPE_ORDER = ["string", "number", "integer", "boolean", "null", "array", "object"];
const GROUP_TEST: Record<string, (d: Code) => Code> = {
  string: (d) => ts`typeof ${d} === "string"`,
  number: (d) => ts`typeof ${d} === "number"`,
  array: (d) => ts`Array.isArray(${d})`,
  object: (d) => ts`${d} !== null && typeof ${d} === "object" && !Array.isArray(${d})`,
};

/**
 * A type-only body (`if (<type test>) return $tf(e, y, <index>);\nreturn true;`, as bodyOf writes it for
 * `{type: x}`): what a caller needs to check it in place, or undefined for any other body.
 */
const TYPE_ONLY = new Map<string, { fails: (value: Code) => Code; type: Code }>(
  // Only these five are checked in place (array and object stay calls, as they always have): output unchanged.
  TYPE_ORDER.filter((t) => t !== "array" && t !== "object").map((t) => {
    const fails = NOT_TYPE[t] as (d: Code) => Code;
    const index = TYPE_ORDER.indexOf(t);
    return [`if (${fails(D)}) return $tf(e, y, ${index});\nreturn true;`, { fails, type: num(index) }];
  }),
);
export function typeOnly(body: Code): { fails: (value: Code) => Code; type: Code } | undefined {
  return TYPE_ONLY.get(body);
}

type S = Record<string, unknown>;

const lit = stringLiteral;
const finite = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The key of the value itself in an issue or an in-place call: none (paths are relative to the value). */
const HERE = ts`null`;

/** `$i(e, key, "keyword", "message")`; `at` is the key of the member the issue is about (HERE: the value). */
function issue(keyword: string, text: string, at: Code): Code {
  return ts`$i(e, ${at}, ${lit(keyword)}, ${lit(text)})`;
}

/**
 * Where a member named in the schema is, for an issue or a call: its JSON Pointer segment, escaped here (`"/a~1b"`),
 * so recording an issue about it costs no escaping or concatenation at run time (the engine's `$k` hands a string
 * that starts with `/` on as it is).
 */
function memberAt(name: string): Code {
  return lit(`/${pointerSegment(name)}`);
}

/** A key read at run time (`k` of `Object.keys`), handed on as a key: `$m` escapes one that starts with `/`. */
const RUNTIME_KEY = ts`$m(k)`;

/**
 * Keywords that annotate and never assert (JSON Schema 2020-12 meta-data, OpenAPI's documentation fields, `x-`
 * extensions). readOnly/writeOnly are read by the parent's `required` check, not by the member's own function.
 */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
  "xml",
]);

export function annotationOnly(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith("x-");
}

class Body {
  readonly lines: Code[] = [];
  collects = false;
  /**
   * A call was written whose key is built at run time (`"/data/" + i1 + "/x"`): an inlined body with one is not
   * written in place, since the key would be concatenated on every call, valid values included.
   */
  builtKeys = false;
  /**
   * Checks about the value itself, by their line, with the form that returns at once: a body whose only check is
   * one of them is written with that form (no issue count, no `$u`), as a type check is.
   */
  readonly selfChecks = new Map<Code, Code>();
  constructor(
    readonly compiler: Compiler,
    readonly schema: S,
    readonly ctx: BodyContext,
    /** Annotation variable handed to in-place applicators: "c" (own), "a" (parent's) or "" (none). */
    readonly annotations: Code,
    /** The value checked: the function's `d`, or the local of a body written into the function (inline.ts). */
    readonly d: Code = D,
    /** Path of that value from the function's `d` (null: it is `d`), for the issues an inlined body records. */
    readonly path: readonly Part[] | null = null,
    readonly scope: Scope = newScope(),
  ) {}

  /** A body for more keywords of the same value (a type group, the key loop). */
  same(annotations: Code = this.annotations): Body {
    return new Body(this.compiler, this.schema, this.ctx, annotations, this.d, this.path, this.scope);
  }

  /** The key of the value itself, for an issue: none in the function's own body, else its path. */
  get here(): Code {
    return this.path ? renderPath(this.path) : HERE;
  }

  /** The key of a member the schema names (escaped at generation time). */
  at(name: string): Code {
    return this.path ? renderPath([...this.path, { text: `/${pointerSegment(name)}` }]) : memberAt(name);
  }

  /** The key of the item at index variable `i`. */
  index(i: Code): Code {
    return this.path ? renderPath([...this.path, { text: "/" }, { index: i }]) : i;
  }

  /** A member read from the value: own properties only for names every object inherits (`constructor`). */
  member(name: string): Code {
    return PROTOTYPE_MEMBERS.has(name) ? ts`$o(${this.d}, ${lit(name)})` : ts`${this.d}${propertyAccess(name)}`;
  }

  check(condition: Code, keyword: string, text: string, at: Code = this.here): void {
    this.collects = true;
    const line = ts`if (${condition} && ${issue(keyword, text, at)}) return false;`;
    this.lines.push(line);
    if (at === HERE) this.selfChecks.set(line, ts`if (${condition}) return $t(e, y, ${lit(keyword)}, ${lit(text)});`);
  }

  /**
   * `callee(value, key, e)` must pass; collecting mode goes on after a failure. With `step` (where `value` is from
   * this body's value: a named member or an index) a small callee's body may be written here instead (inline.ts).
   */
  apply(callee: Callee, value: Code, at: Code, guard: Code = EMPTY, annotations: Code = EMPTY, step?: Part[]): void {
    if (callee.name === ACCEPT) return;
    this.collects = true;
    const when = guard ? ts`${guard} && ` : EMPTY;
    if (callee.inline && !annotations) {
      // A type-only subschema's failing test applied to `value` (a member read, no side effects), before the guard:
      // a present member of the right type, the common case, then costs one test, and every failing test answers
      // true for `undefined` too, so the guard still decides for an absent member.
      const then = guard ? ts` && ${guard}` : EMPTY;
      this.lines.push(
        ts`if (${callee.inline.fails(value)}${then} && $ty(e, ${at}, ${callee.inline.type})) return false;`,
      );
      return;
    }
    const written = step && !annotations ? this.inlined(callee, value, step) : undefined;
    if (written) {
      this.lines.push(guard ? ts`if (${guard}) {` : ts`{`, ...written, ts`}`);
      return;
    }
    if (this.path && (dynamicPath(this.path) || (step !== undefined && dynamicPath(step)))) this.builtKeys = true;
    const args = ts`${value}, ${at}, e${annotations ? ts`, ${annotations}` : EMPTY}`;
    const call = this.compiler.call(callee, this.ctx.resource, args);
    this.lines.push(ts`if (${when}!${call} && !e) return false;`);
  }

  /**
   * The callee's body written for `value` (held in a fresh local), its issues recorded with their whole path from
   * the function's `d`; undefined when it may not be (inline.ts: keywords, depth, size, recursion, resource).
   */
  inlined(callee: Callee, value: Code, step: Part[]): Code[] | undefined {
    const target = callee.body;
    if (!target || target.ctx.resource !== this.ctx.resource) return undefined;
    const { schema } = target;
    if (this.scope.depth >= MAX_DEPTH || this.compiler.writing.has(schema)) return undefined;
    if (!Object.keys(schema).every((k) => INLINE_KEYWORDS.has(k) || annotationOnly(k))) return undefined;
    // Objects and arrays only: a scalar's function already gets a literal key and V8 inlines it (what writing it
    // here would save); its copies would only grow the output.
    if ((schema.type !== "object" && schema.type !== "array") || Array.isArray(schema.items)) return undefined;
    // A `$ref` target is copied only into an item loop (a list of them, the case that pays): elsewhere its one
    // call per value costs little, and a copy per use would grow the output with the uses.
    if (target.shared && !dynamicPath(step)) return undefined;
    const path = [...(this.path ?? []), ...step];
    const d = local(this.scope, "d");
    const inner = new Body(this.compiler, schema, target.ctx, EMPTY, d, path, this.scope);
    this.scope.depth++;
    this.compiler.writing.add(schema);
    let lines: Code[];
    try {
      lines = inlineBody(inner);
    } finally {
      this.compiler.writing.delete(schema);
      this.scope.depth--;
    }
    if (lines.length > MAX_LINES || inner.builtKeys) return undefined;
    // `any` as the function's `d` is: a member read through `$o` is `unknown`, and narrowing it would refuse `.length`.
    return [ts`const ${d}${this.compiler.ts(ts`: any`)} = ${value};`, ...lines];
  }

  sub(schema: unknown, where: string, ann = false): Callee {
    return this.compiler.sub(schema, this.ctx, `${this.ctx.location}/${where}`, ann);
  }

  /** Calls a subschema as a yes/no question (no issues collected). */
  test(callee: Callee, value: Code, annotations: Code = EMPTY): Code {
    if (callee.name === ACCEPT) return ts`true`;
    if (callee.name === REJECT) return ts`false`;
    return this.compiler.call(
      callee,
      this.ctx.resource,
      ts`${value}, null, null${annotations ? ts`, ${annotations}` : EMPTY}`,
    );
  }
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
    if (schema[keyword] !== undefined && finite(schema[keyword]) === undefined) fail(keyword, "must be a number");
  }
  if (schema.pattern !== undefined && typeof schema.pattern !== "string") fail("pattern", "must be a string");
  if (schema.required !== undefined && !Array.isArray(schema.required)) fail("required", "must be a list of names");
}

export function bodyOf(compiler: Compiler, schema: S, ctx: BodyContext, ann: boolean): Code | null {
  checkShape(schema, ctx.location);
  const unevaluated = "unevaluatedProperties" in schema || "unevaluatedItems" in schema;
  const b = new Body(compiler, schema, ctx, unevaluated ? ts`c` : ann ? ts`a` : EMPTY);
  // A recursive schema calls its own function rather than being written into itself.
  const outer = compiler.writing.has(schema);
  compiler.writing.add(schema);
  try {
    return functionBody(b, ann, unevaluated);
  } finally {
    if (!outer) compiler.writing.delete(schema);
  }
}

function functionBody(b: Body, ann: boolean, unevaluated: boolean): Code | null {
  const { schema } = b;
  const types = typeList(schema.type);
  if (types) {
    const index = types.length === 1 ? TYPE_ORDER.indexOf(types[0] as string) : -1;
    b.lines.push(
      index >= 0
        ? ts`if (${failsType(D, types)}) return $tf(e, y, ${num(index)});`
        : ts`if (${failsType(D, types)}) return $t(e, y, "type", ${lit(message("type", schema.type))});`,
    );
  }
  if (unevaluated) b.lines.push(ts`const c = $an();`);
  keywordLines(b, types);
  if (unevaluated) {
    group(b, types, "object", unevaluatedProperties);
    group(b, types, "array", unevaluatedItems);
    if (ann) b.lines.push(ts`if (a) $merge(a, c);`);
  }
  if (b.lines.length === 0) return null;
  const typeLines = types ? 1 : 0;
  const early = b.lines.length === typeLines + 1 ? b.selfChecks.get(b.lines[typeLines] as Code) : undefined;
  if (early !== undefined) return ts`${join([...b.lines.slice(0, typeLines), early], "\n")}\nreturn true;`;
  return b.collects
    ? ts`const n = e?.length;\n${join(b.lines, "\n")}\nreturn !e || e.length === n || $u(e, n, y);`
    : ts`${join(b.lines, "\n")}\nreturn true;`;
}

/**
 * The lines of a body written into a caller (Body.inlined) for the value in `b.d`: a wrong type is recorded at the
 * value's path and skips the rest (an `else` block instead of a return), and every issue carries its whole path
 * from the function's `d`, so nothing is put in front of it on the way out.
 */
function inlineBody(b: Body): Code[] {
  checkShape(b.schema, b.ctx.location);
  const types = typeList(b.schema.type);
  const rest = b.same();
  keywordLines(rest, types);
  b.builtKeys ||= rest.builtKeys;
  if (!types) {
    b.collects ||= rest.collects;
    return rest.lines;
  }
  b.collects = true;
  const index = types.length === 1 ? TYPE_ORDER.indexOf(types[0] as string) : -1;
  const recorded =
    index >= 0 ? ts`$ty(e, ${b.here}, ${num(index)})` : issue("type", message("type", b.schema.type), b.here);
  const failing = failsType(b.d, types);
  if (rest.lines.length === 0) return [ts`if ((${failing}) && ${recorded}) return false;`];
  return [ts`if (${failing}) { if (${recorded}) return false; } else {`, ...rest.lines, ts`}`];
}

/** The test that `d` is of none of `types`. */
function failsType(d: Code, types: string[]): Code {
  if (types.length === 1) return (NOT_TYPE[types[0] as string] as (d: Code) => Code)(d);
  return ts`!(${join(
    types.map((t) => (TYPE_TEST[t] as (d: Code) => Code)(d)),
    " || ",
  )})`;
}

/** Every keyword after the type check, each group under its type test when the schema allows other types too. */
function keywordLines(b: Body, types: string[] | undefined): void {
  enumAndConst(b);
  group(b, types, "string", stringKeywords);
  group(b, types, "number", numberKeywords);
  group(b, types, "object", objectKeywords);
  group(b, types, "array", arrayKeywords);
  inPlace(b);
}

function group(b: Body, types: string[] | undefined, type: string, fill: (g: Body) => void): void {
  if (types && !types.some((t) => t === type || (type === "number" && t === "integer"))) return;
  const inner = b.same();
  fill(inner);
  if (inner.lines.length === 0) return;
  b.collects ||= inner.collects;
  b.builtKeys ||= inner.builtKeys;
  for (const [line, early] of inner.selfChecks) b.selfChecks.set(line, early);
  const only = types?.length === 1 ? types[0] : undefined;
  const known = only === type || (type === "number" && only === "integer");
  const test = (GROUP_TEST[type] as (d: Code) => Code)(b.d);
  b.lines.push(...(known ? inner.lines : [ts`if (${test}) {`, ...inner.lines, ts`}`]));
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
    if (values.length === 0) b.check(ts`true`, "enum", text);
    else if (values.every(primitive) && values.length <= 4) {
      b.check(
        join(
          values.map((v) => ts`${b.d} !== ${jsonLiteral(v)}`),
          " && ",
        ),
        "enum",
        text,
      );
    } else if (values.every(primitive)) {
      const set = b.compiler.constant(
        ts`new Set${b.compiler.ts(ts`<unknown>`)}([${join(values.map(jsonLiteral), ", ")}])`,
      );
      b.check(ts`!${set}.has(${b.d})`, "enum", text);
    } else {
      const list = b.compiler.constant(ts`[${join(values.map(jsonLiteral), ", ")}]`, ts`: unknown[]`);
      b.check(ts`!${list}.some((x) => $eq(x, ${b.d}))`, "enum", text);
    }
  }
  if ("const" in b.schema) {
    const value = b.schema.const;
    const text = message("const", value);
    if (primitive(value)) b.check(ts`${b.d} !== ${jsonLiteral(value)}`, "const", text);
    else b.check(ts`!$eq(${b.d}, ${b.compiler.constant(jsonLiteral(value), ts`: unknown`)})`, "const", text);
  }
}

function stringKeywords(b: Body): void {
  const s = b.schema;
  const max = finite(s.maxLength);
  // A bound past a file stand-in's length must still ask $len, which knows the real size of a large file.
  const d = b.d;
  const big = ts`${d}.length === ${num(FILE_STAND_IN_LENGTH)}`;
  if (max !== undefined) {
    const n = num(max);
    const long = max >= FILE_STAND_IN_LENGTH ? ts`(${d}.length > ${n} || ${big})` : ts`${d}.length > ${n}`;
    b.check(ts`${long} && $len(${d}) > ${n}`, "maxLength", message("maxLength", max));
  }
  const min = finite(s.minLength);
  if (min !== undefined && min > 0) {
    const n = num(min);
    const short = min > FILE_STAND_IN_LENGTH ? ts`(${d}.length < ${n} && !${big})` : ts`${d}.length < ${n}`;
    b.check(ts`(${short} || $len(${d}) < ${n})`, "minLength", message("minLength", min));
  }
  if (typeof s.pattern === "string") {
    const test = b.compiler.patternTest(s.pattern, `${b.ctx.location}/pattern`, d);
    b.check(ts`!${test}`, "pattern", message("pattern", s.pattern));
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
  // The runtime's own function name (formats.ts), not document text.
  b.check(ts`!${identifier(check.validate.name)}(${b.d})`, "format", message("format", format));
}

function numberKeywords(b: Body): void {
  const s = b.schema;
  const bounds: Array<[string, Code]> = [
    ["maximum", ts`>`],
    ["minimum", ts`<`],
    ["exclusiveMaximum", ts`>=`],
    ["exclusiveMinimum", ts`<=`],
  ];
  for (const [keyword, op] of bounds) {
    const limit = finite(s[keyword]);
    if (limit !== undefined) b.check(ts`${b.d} ${op} ${num(limit)}`, keyword, message(keyword, limit));
  }
  const step = finite(s.multipleOf);
  if (step !== undefined && step > 0) {
    const test = Number.isInteger(step)
      ? ts`${b.d} % ${num(step)} !== 0`
      : ts`!Number.isInteger(${b.d} / ${num(step)})`;
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
    const dir = b.compiler.direction;
    const direction = flag === "readOnly" ? ts` && ${dir} !== 1` : flag === "writeOnly" ? ts` && ${dir} !== 2` : EMPTY;
    b.collects = true;
    const prefix = b.path ? ts`, ${b.here}` : EMPTY;
    b.lines.push(ts`if (${b.member(name)} === undefined${direction} && $r(e, ${lit(name)}${prefix})) return false;`);
  }
  if (isRecord(s.dependentRequired)) {
    for (const [name, list] of Object.entries(s.dependentRequired)) {
      if (!Array.isArray(list)) continue;
      for (const dep of list) {
        if (typeof dep !== "string") continue;
        const text = `is required when ${JSON.stringify(name)} is present (missing property ${JSON.stringify(dep)})`;
        b.check(
          ts`${b.member(name)} !== undefined && ${b.member(dep)} === undefined`,
          "dependentRequired",
          text,
          b.at(dep),
        );
      }
    }
  }
  const maxP = finite(s.maxProperties);
  if (maxP !== undefined) {
    b.check(ts`Object.keys(${b.d}).length > ${num(maxP)}`, "maxProperties", message("maxProperties", maxP));
  }
  const minP = finite(s.minProperties);
  if (minP !== undefined && minP > 0) {
    b.check(ts`Object.keys(${b.d}).length < ${num(minP)}`, "minProperties", message("minProperties", minP));
  }
  for (const [name, sub] of Object.entries(properties)) {
    const value = b.member(name);
    const step = [{ text: `/${pointerSegment(name)}` }];
    b.apply(
      b.sub(sub, `properties/${pointerSegment(name)}`),
      value,
      b.at(name),
      ts`${value} !== undefined`,
      EMPTY,
      step,
    );
  }
  keyLoop(b, properties);
  if (isRecord(s.dependentSchemas)) {
    for (const [name, sub] of Object.entries(s.dependentSchemas)) {
      const callee = b.sub(sub, `dependentSchemas/${pointerSegment(name)}`, b.annotations !== "");
      b.apply(callee, D, HERE, ts`${b.member(name)} !== undefined`, b.annotations);
    }
  }
  if (b.annotations) {
    const names = Object.keys(properties);
    if (names.length > 0) {
      const list = b.compiler.constant(
        ts`[${join(
          names.map((n) => lit(n)),
          ", ",
        )}]`,
        ts`: string[]`,
      );
      b.lines.push(ts`if (${b.annotations}) for (const k of ${list}) ${b.annotations}.p.add(k);`);
    }
    if (s.additionalProperties !== undefined) b.lines.push(ts`if (${b.annotations}) ${b.annotations}.pa = true;`);
  }
}

/** patternProperties, additionalProperties and propertyNames: one pass over the object's own keys. */
function keyLoop(b: Body, properties: S): void {
  const s = b.schema;
  const inner: Code[] = [];
  const patterns = isRecord(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  const res: Code[] = [];
  const value = ts`d[k]`;
  const path = RUNTIME_KEY;
  const sub = new Body(b.compiler, s, b.ctx, EMPTY);
  patterns.forEach(([source, schema]) => {
    const re = b.compiler.pattern(source, `${b.ctx.location}/patternProperties/${pointerSegment(source)}`);
    res.push(re);
    sub.apply(sub.sub(schema, `patternProperties/${pointerSegment(source)}`), value, path, ts`${re}.test(k)`);
  });
  if (b.annotations && res.length > 0)
    b.lines.push(ts`if (${b.annotations}) ${b.annotations}.r.push(${join(res, ", ")});`);
  const additional = s.additionalProperties;
  if (additional !== undefined && additional !== true) {
    const names = Object.keys(properties);
    const known =
      names.length <= 6
        ? names.map((n) => ts`k !== ${lit(n)}`)
        : [
            ts`!${b.compiler.constant(
              ts`new Set${b.compiler.ts(ts`<string>`)}([${join(
                names.map((n) => lit(n)),
                ", ",
              )}])`,
            )}.has(k)`,
          ];
    const outside = join([...known, ...res.map((re) => ts`!${re}.test(k)`)], " && ") || ts`true`;
    const callee = sub.sub(additional, "additionalProperties");
    if (callee.name === REJECT) {
      sub.check(outside, "additionalProperties", message("additionalProperties"), path);
    } else sub.apply(callee, value, path, outside === "true" ? EMPTY : outside);
  }
  if (s.propertyNames !== undefined) {
    const callee = sub.sub(s.propertyNames, "propertyNames");
    if (callee.name !== ACCEPT) {
      sub.check(ts`!${sub.test(callee, ts`k`)}`, "propertyNames", message("propertyNames"));
    }
  }
  inner.push(...sub.lines);
  if (inner.length === 0) return;
  b.collects = true;
  // `for…in` with an own-property test, not `Object.keys`: no array per object, and V8 walks its enum cache (six
  // keys: 18 vs 32 ns, ADR 0117). Same keys in the same order; inherited ones are skipped.
  b.lines.push(ts`for (const k in d) if ($h.call(d, k)) {`, ...inner, ts`}`);
}

function arrayKeywords(b: Body): void {
  const s = b.schema;
  const maxI = finite(s.maxItems);
  const d = b.d;
  if (maxI !== undefined) b.check(ts`${d}.length > ${num(maxI)}`, "maxItems", message("maxItems", maxI));
  const minI = finite(s.minItems);
  if (minI !== undefined && minI > 0) b.check(ts`${d}.length < ${num(minI)}`, "minItems", message("minItems", minI));
  if (s.uniqueItems === true) {
    b.collects = true;
    b.lines.push(
      ts`{ const u = $dup(d); if (u && $i(e, null, "uniqueItems", \`must not contain duplicates (items \${u[0]} and \${u[1]} are equal)\`)) return false; }`,
    );
  }
  // Draft 2019 and OpenAPI 3.0 tuples: `items` as a list, `additionalItems` for the rest.
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
  const prefixKeyword = Array.isArray(s.prefixItems) ? "prefixItems" : "items";
  prefix.forEach((schema, i) => {
    b.apply(b.sub(schema, `${prefixKeyword}/${i}`), ts`d[${num(i)}]`, num(i), ts`d.length > ${num(i)}`);
  });
  if (rest !== undefined) {
    const callee = b.sub(rest, Array.isArray(s.items) ? "additionalItems" : "items");
    const count = num(prefix.length);
    if (callee.name === REJECT) {
      b.check(ts`${d}.length > ${count}`, "items", message("items", prefix.length));
    } else if (callee.name !== ACCEPT) {
      // The function's own loop counts with `i`; a loop of an inlined body with a local of its own.
      const i = b.path ? local(b.scope, "i") : ts`i`;
      const loop = ts`for (let ${i} = ${count}; ${i} < ${d}.length; ${i}++)`;
      const item = b.same(EMPTY);
      item.apply(callee, ts`${d}[${i}]`, b.index(i), EMPTY, EMPTY, [{ text: "/" }, { index: i }]);
      b.collects = true;
      b.builtKeys ||= item.builtKeys;
      const [only] = item.lines;
      // An inlined item body comes as a block (`{`, …, `}`): the loop's own braces hold it.
      const inner = item.lines.length > 1 ? item.lines.slice(1, -1) : [];
      b.lines.push(...(item.lines.length === 1 ? [ts`${loop} ${only as Code}`] : [ts`${loop} {`, ...inner, ts`}`]));
    }
  }
  if (b.annotations) {
    const x = b.annotations;
    if (rest !== undefined) b.lines.push(ts`if (${x}) ${x}.ia = true;`);
    else if (prefix.length > 0) {
      const count = num(prefix.length);
      b.lines.push(ts`if (${x} && ${x}.i < ${count}) ${x}.i = ${count};`);
    }
  }
  containsKeywords(b);
}

function containsKeywords(b: Body): void {
  const s = b.schema;
  if (s.contains === undefined) return;
  const callee = b.sub(s.contains, "contains");
  const min = finite(s.minContains) ?? 1;
  const max = finite(s.maxContains);
  const record = b.annotations ? ts` if (${b.annotations}) ${b.annotations}.c.add(i);` : EMPTY;
  b.collects = true;
  b.lines.push(ts`{ let m = 0; for (let i = 0; i < d.length; i++) if (${b.test(callee, ts`d[i]`)}) { m++;${record} }`);
  const minKeyword = s.minContains === undefined ? "contains" : "minContains";
  if (min > 0)
    b.lines.push(ts`if (m < ${num(min)} && ${issue(minKeyword, message(minKeyword, min), HERE)}) return false;`);
  if (max !== undefined) {
    b.lines.push(ts`if (m > ${num(max)} && ${issue("maxContains", message("maxContains", max), HERE)}) return false;`);
  }
  b.lines.push(ts`}`);
}

/** $ref, $dynamicRef, allOf, anyOf, oneOf, not, if/then/else: subschemas applied to the same value. */
function inPlace(b: Body): void {
  const s = b.schema;
  const ann = b.annotations !== "";
  const x = b.annotations;
  if (typeof s.$ref === "string") {
    b.apply(b.compiler.ref(b.compiler.resolve(s.$ref, b.ctx.base, b.ctx.location), ann), D, HERE, EMPTY, x);
  }
  if (typeof s.$dynamicRef === "string") dynamicRef(b, s.$dynamicRef);
  if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => b.apply(b.sub(sub, `allOf/${i}`, ann), D, HERE, EMPTY, x));
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    const callees = list.map((sub, i) => b.sub(sub, `${keyword}/${i}`, ann));
    b.collects = true;
    const lines = [ts`{ const t${b.compiler.ts(ts`: $E`)} = e && []; let m = 0;`];
    callees.forEach((callee, i) => {
      const ci = ts`c${num(i)}`;
      const call = b.compiler.call(callee, b.ctx.resource, ts`d, null, t${ann ? ts`, ${ci}` : EMPTY}`);
      const stop = keyword === "anyOf" && !ann ? ts`m === 0 && ` : EMPTY;
      const callText = callee.name === ACCEPT ? ts`true` : callee.name === REJECT ? ts`$no(d, null, t)` : call;
      if (ann) lines.push(ts`const ${ci} = ${x} && $an();`);
      lines.push(ts`if (${stop}${callText}) { m++;${ann ? ts` if (${x} && ${ci}) $merge(${x}, ${ci});` : EMPTY} }`);
    });
    const failed = keyword === "anyOf" ? ts`m === 0` : ts`m !== 1`;
    lines.push(
      ts`if (${failed} && $j(e, m === 0 ? t : null, ${lit(keyword)}, ${lit(message(keyword))})) return false; }`,
    );
    b.lines.push(...lines);
  }
  if (s.not !== undefined) {
    const callee = b.sub(s.not, "not");
    b.check(b.test(callee, D), "not", message("not"));
  }
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined || ann)) {
    const test = b.sub(s.if, "if", ann);
    const then = s.then === undefined ? undefined : b.sub(s.then, "then", ann);
    const otherwise = s.else === undefined ? undefined : b.sub(s.else, "else", ann);
    const branch = (callee: Callee | undefined): Code => {
      if (!callee || callee.name === ACCEPT) return EMPTY;
      const call = b.compiler.call(callee, b.ctx.resource, ts`d, null, e${ann ? ts`, ${x}` : EMPTY}`);
      return ts` if (!${call} && $i(e, null, "if", ${lit(message("if"))})) return false;`;
    };
    b.collects = true;
    if (ann) {
      b.lines.push(
        ts`{ const ci = ${x} && $an(); if (${b.test(test, D, ts`ci`)}) { if (${x} && ci) $merge(${x}, ci);${branch(then)} } else {${branch(otherwise)} } }`,
      );
    } else {
      b.lines.push(ts`if (${b.test(test, D)}) {${branch(then)} } else {${branch(otherwise)} }`);
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
    b.apply(b.compiler.ref(target, b.annotations !== ""), D, HERE, EMPTY, b.annotations);
    return;
  }
  const fallback = b.compiler.ref(target, true);
  b.collects = true;
  const args = ts`d, null, e${b.annotations ? ts`, ${b.annotations}` : EMPTY}`;
  b.lines.push(ts`if (!$dyn(${lit(anchor)}, ${fallback.name})(${args}) && !e) return false;`);
}

function unevaluatedProperties(b: Body): void {
  const schema = b.schema.unevaluatedProperties;
  if (schema === undefined) return;
  const callee = b.sub(schema, "unevaluatedProperties");
  const path = RUNTIME_KEY;
  b.collects = true;
  if (callee.name === REJECT) {
    b.lines.push(
      ts`for (const k of Object.keys(d)) if (!$evaluatedProperty(c, k) && ${issue("unevaluatedProperties", message("unevaluatedProperties"), path)}) return false;`,
    );
  } else if (callee.name !== ACCEPT) {
    const call = b.compiler.call(callee, b.ctx.resource, ts`d[k], ${path}, e`);
    b.lines.push(ts`for (const k of Object.keys(d)) if (!$evaluatedProperty(c, k) && !${call} && !e) return false;`);
  }
  b.lines.push(ts`c.pa = true;`);
}

function unevaluatedItems(b: Body): void {
  const schema = b.schema.unevaluatedItems;
  if (schema === undefined) return;
  const callee = b.sub(schema, "unevaluatedItems");
  const open = ts`(c.ia || i < c.i || c.c.has(i))`;
  b.collects = true;
  if (callee.name === REJECT) {
    b.lines.push(
      ts`for (let i = 0; i < d.length; i++) if (!${open} && $i(e, i, "unevaluatedItems", "is not an allowed item")) return false;`,
    );
  } else if (callee.name !== ACCEPT) {
    const call = b.compiler.call(callee, b.ctx.resource, ts`d[i], i, e`);
    b.lines.push(ts`for (let i = 0; i < d.length; i++) if (!${open} && !${call} && !e) return false;`);
  }
  b.lines.push(ts`c.ia = true;`);
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
