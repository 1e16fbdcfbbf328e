/**
 * The engine of the generated validators (validators.ts imports what it uses) and of the mock. The compiled checks are
 * plain functions `(value, key, issues) => boolean`: with `issues === null` they stop at the first failure (type
 * guards, no path is built), with an array they collect every issue. `key` is the value's key in its parent (null:
 * the value is at its parent's place, as for `allOf`/`$ref`, or at the root). Nothing about paths is recorded while
 * checking: an issue is recorded with a path relative to the value being checked, and each check that returns with
 * new issues puts its own key in front of theirs (`$u`), so a valid value (collected or not) costs no path work at
 * all. The wrappers below turn them into `Validator`s that never throw, whatever the value (cycles, 10,000-deep
 * nesting, BigInt, functions, proxies).
 */
import type { ValidationIssue, Validator } from "./validation.js";

export type $E = ValidationIssue[] | null;

/** Annotations for unevaluatedProperties / unevaluatedItems: what adjacent keywords have already evaluated. */
export interface $A {
  /** Property names named by `properties`. */
  p: Set<string>;
  /** Patterns of `patternProperties`. */
  r: Array<{ test(value: string): boolean }>;
  /** Every property (additionalProperties or unevaluatedProperties ran). */
  pa: boolean;
  /** Items before this index (prefixItems). */
  i: number;
  /** Every item (items or unevaluatedItems ran). */
  ia: boolean;
  /** Indices matched by `contains`. */
  c: Set<number>;
}

// `any`: the checks walk untyped JSON; the public surface is typed by the wrappers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type $C = (d: any, y: any, e: $E, a?: $A) => boolean;

/**
 * Direction of the running top-level call: 0 as written, 1 request (readOnly members are not required),
 * 2 response (writeOnly members are not required). One compiled function serves all three.
 */
export let $D = 0;

/** Dynamic scope for $dynamicRef: the `$dynamicAnchor`s of the schema resources entered, outermost first. */
export const $S: Array<Record<string, $C>> = [];

/**
 * JSON Pointer of key `y`: null is the value itself (the empty pointer), a number an index, a string that starts with
 * `/` a segment the generated code wrote already escaped (a member the schema names), any other string a key read at
 * run time. Issues about named members, the common ones, cost no escaping or concatenation.
 */
export function $k(y: string | number | null): string {
  if (y === null) return "";
  if (typeof y === "number") return `/${y}`;
  return y.charCodeAt(0) === 47 ? y : `/${$p(y)}`;
}

/** A key read at run time, handed on as a key: one that starts with `/` is escaped now, so `$k` cannot misread it. */
export function $m(k: string): string {
  return k.charCodeAt(0) === 47 ? `/${$p(k)}` : k;
}

/**
 * A check that recorded issues from index `n` on returns through here: its key `y` goes in front of their paths
 * (they are relative to the value it checked). Answers false (the value failed).
 */
export function $u(e: ValidationIssue[], n: number | undefined, y: string | number | null): false {
  if (y === null) return false;
  const key = $k(y);
  for (let i = n ?? 0; i < e.length; i++) {
    const issue = e[i] as ValidationIssue;
    issue.path = key + issue.path;
  }
  return false;
}

/**
 * Records an issue about key `y` of the value (null: the value). True means "stop now" (first-failure mode).
 * `$i`, `$t`, `$ty` and `$tf` each push their issue themselves and read a named member's key (`/name`, the common
 * case) without calling `$k`: when the function that failed was inlined into its caller, V8 has often spent its
 * inlining budget and these run as real calls, so each level of calls saved counts (ADR 0111: 10% of an invalid
 * two-issue `validate()` in instructions).
 */
export function $i(e: $E, y: string | number | null, keyword: string, message: string): boolean {
  if (e === null) return true;
  e.push({ path: typeof y === "string" && y.charCodeAt(0) === 47 ? y : $k(y), keyword, message });
  return false;
}

/** Path and message of a missing required member, by name (a schema names the same few members again and again). */
const required = new Map<string, { path: string; message: string }>();

/**
 * A required member is missing: `$i` with the message written here, so each check is one short line. `at` is the
 * path of the object from the function's value when the check was written into a caller (ADR 0117).
 */
export function $r(e: $E, name: string, at?: string): boolean {
  if (e === null) return true;
  let known = required.get(name);
  if (known === undefined) {
    const shown = JSON.stringify(name);
    const message = `is required (missing property ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown})`;
    known = { path: `/${$p(name)}`, message };
    // Names come from the schema, so the map stays as small as the schemas; a bound all the same.
    if (required.size < 10_000) required.set(name, known);
  }
  e.push({ path: at === undefined ? known.path : at + known.path, keyword: "required", message: known.message });
  return false;
}

/**
 * Records an issue about the value itself, at key `y` of its parent, and answers false: for a check that returns at
 * once (a wrong type, a `false` schema), so its caller's `$u` puts the parent's key in front.
 */
export function $t(e: $E, y: string | number | null, keyword: string, message: string): false {
  if (e !== null) e.push({ path: typeof y === "string" && y.charCodeAt(0) === 47 ? y : $k(y), keyword, message });
  return false;
}

/** Messages of single-type checks, by the index validators.ts writes (thousands of type checks, one text each). */
export const TYPE_MESSAGES = [
  "must be a string",
  "must be a number",
  "must be an integer",
  "must be a boolean",
  "must be null",
  "must be an array",
  "must be an object",
] as const;

/** Member `y` of the value is not of the single type `t` (an index of TYPE_MESSAGES): a type check written in place. */
export function $ty(e: $E, y: string | number | null, t: number): boolean {
  if (e === null) return true;
  const path = typeof y === "string" && y.charCodeAt(0) === 47 ? y : $k(y);
  e.push({ path, keyword: "type", message: TYPE_MESSAGES[t] as string });
  return false;
}

/** The value itself (at key `y` of its parent) is not of the single type `t`: records it and answers false. */
export function $tf(e: $E, y: string | number | null, t: number): false {
  if (e === null) return false;
  const path = typeof y === "string" && y.charCodeAt(0) === 47 ? y : $k(y);
  e.push({ path, keyword: "type", message: TYPE_MESSAGES[t] as string });
  return false;
}

/** A composition failed: its branches' issues (when collected), then its own. */
export function $j(e: $E, t: $E, keyword: string, message: string): boolean {
  if (e === null) return true;
  if (t !== null) for (const issue of t) e.push(issue);
  e.push({ path: "", keyword, message });
  return false;
}

/** JSON Pointer segment of a run-time property name. */
export function $p(name: string): string {
  // A character loop: `includes` is a call into the runtime that costs more than the whole check on short names.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 126 || c === 47) return name.replace(/~/g, "~0").replace(/\//g, "~1");
  }
  return name;
}

/** Own-property test of the generated key loops (`for (const k in d) if ($h.call(d, k))`). */
export const $h = Object.prototype.hasOwnProperty;

/** A property's value only when it is the object's own (names every object inherits: `constructor`, `toString`). */
export function $o(d: object, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(d, name) ? (d as Record<string, unknown>)[name] : undefined;
}

export function $isObject(d: unknown): boolean {
  return d !== null && typeof d === "object" && !Array.isArray(d);
}

/**
 * A file in a form or multipart body is validated as a string of its size (runtime/validate.ts). Up to this many
 * bytes the stand-in is exactly that long; a larger file stands in as a unique string of this length whose real
 * size is kept here, so a 2 GB upload costs 1 MB during validation instead of a string V8 could not even allocate.
 * The compiled length checks call `$len` for a string of exactly this length, whatever their bound.
 */
export const FILE_STAND_IN_LENGTH = 1 << 20;
const fileSizes = new Map<string, number>();

export function $fileStandIn(size: number): string {
  if (size < FILE_STAND_IN_LENGTH) return "\u0000".repeat(size);
  const text = `\u0000file ${fileSizes.size}\u0000`.padEnd(FILE_STAND_IN_LENGTH, "\u0000");
  fileSizes.set(text, size);
  return text;
}

/** Forgets the large stand-ins once their body is validated. */
export function $releaseFileStandIns(): void {
  if (fileSizes.size > 0) fileSizes.clear();
}

/** A high surrogate: only a string with one can count fewer code points than code units. */
const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Length in code points, as JSON Schema counts it (a surrogate pair is one character). */
export function $len(text: string): number {
  if (text.length === FILE_STAND_IN_LENGTH && fileSizes.size > 0) {
    const size = fileSizes.get(text);
    if (size !== undefined) return size;
  }
  // Most strings have no surrogate: V8's compiled scan for one costs about a tenth of the loop below (80 characters:
  // 21 vs 250 ns, ADR 0117), and then the length is the number of code units.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let length = 0;
  for (let i = 0; i < text.length; i++, length++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return length;
}

/** JSON equality (enum, const, uniqueItems): key order does not matter. */
export function $eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!$eq(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !$eq((a as Record<string, unknown>)[k], rb[k])) return false;
  }
  return true;
}

/** The first pair of equal items (uniqueItems), or null. Primitives go through a Map, so long lists stay linear. */
export function $dup(d: unknown[]): [number, number] | null {
  const seen = new Map<unknown, number>();
  const objects: number[] = [];
  for (let j = 0; j < d.length; j++) {
    const item = d[j];
    if (item !== null && typeof item === "object") {
      for (const i of objects) if ($eq(d[i], item)) return [i, j];
      objects.push(j);
    } else {
      const i = seen.get(item);
      if (i !== undefined) return [i, j];
      seen.set(item, j);
    }
  }
  return null;
}

export function $an(): $A {
  return { p: new Set(), r: [], pa: false, i: 0, ia: false, c: new Set() };
}

/** Adds the annotations of a passing subschema to its parent's. */
export function $merge(a: $A, c: $A): void {
  for (const name of c.p) a.p.add(name);
  for (const re of c.r) a.r.push(re);
  for (const i of c.c) a.c.add(i);
  a.pa ||= c.pa;
  a.ia ||= c.ia;
  if (c.i > a.i) a.i = c.i;
}

export function $evaluatedProperty(a: $A, name: string): boolean {
  return a.pa || a.p.has(name) || a.r.some((re) => re.test(name));
}

/** Enters a schema resource that declares `$dynamicAnchor`s. */
export function $in(
  anchors: Record<string, $C>,
  check: $C,
  d: unknown,
  y: string | number | null,
  e: $E,
  a?: $A,
): boolean {
  $S.push(anchors);
  const ok = check(d, y, e, a);
  $S.pop();
  return ok;
}

/** $dynamicRef: the outermost resource in the dynamic scope that declares the anchor, else the static target. */
export function $dyn(name: string, fallback: $C): $C {
  for (const anchors of $S) {
    const check = Object.prototype.hasOwnProperty.call(anchors, name) ? anchors[name] : undefined;
    if (check !== undefined) return check;
  }
  return fallback;
}

export const $yes: $C = () => true;

export const $no: $C = (_d, y, e) => $t(e, y, "false schema", "is not allowed here");

/** More issues than this are summarised: a million wrong items need not become a million objects downstream. */
export const MAX_ISSUES = 100;

export function $failure(error: unknown): ValidationIssue[] {
  const tooDeep = error instanceof RangeError;
  return [
    {
      path: "",
      keyword: tooDeep ? "depth" : "internal",
      message: tooDeep
        ? "is nested too deeply (or contains a cycle) to be validated"
        : `could not be validated: ${error instanceof Error ? error.message : String(error)}`,
    },
  ];
}

export function __is(check: $C, direction: number, value: unknown): boolean {
  if (value === undefined) return false;
  if ($D !== direction) $D = direction;
  if ($S.length > 0) $S.length = 0;
  try {
    return check(value, null, null);
  } catch {
    return false;
  }
}

function undefinedValue(): ValidationIssue[] {
  return [{ path: "", keyword: "type", message: "must be a JSON value, not undefined" }];
}

/** More than MAX_ISSUES: the first ones and a summary. */
function capped(issues: ValidationIssue[]): ValidationIssue[] {
  const more = issues.length - MAX_ISSUES;
  issues.length = MAX_ISSUES;
  issues.push({ path: "", keyword: "maxIssues", message: `${more} more issues not listed` });
  return issues;
}

/**
 * The rare paths (undefined, more than MAX_ISSUES) are functions of their own so that this one stays small enough
 * for V8 to inline into the caller together with the schema's check, as it does `__is`: written out here, it
 * stayed a call of its own that called the check through a generic call (perf: Host's valid `validate()` spent
 * about a fifth of its time in those two frames).
 */
export function __validate(check: $C, direction: number, value: unknown): ValidationIssue[] {
  if (value === undefined) return undefinedValue();
  if ($D !== direction) $D = direction;
  if ($S.length > 0) $S.length = 0;
  // Not `[]`: a literal's array grows through its allocation site on the first push, which cost about 40 ns per
  // invalid value here (ADR 0117); an array from the constructor grows on the fast path.
  const issues = new Array<ValidationIssue>();
  try {
    // One collecting pass (no path work until an issue): a first-failure pass before it, as before ADR 0116, made
    // every invalid value cost two walks.
    check(value, null, issues);
  } catch (error) {
    return $failure(error);
  }
  return issues.length <= MAX_ISSUES ? issues : capped(issues);
}

export function __validator<T>(name: string, check: $C, direction: number): Validator<T> {
  return {
    name,
    is: (value: unknown): value is T => __is(check, direction, value),
    validate: (value: unknown) => __validate(check, direction, value),
  };
}
