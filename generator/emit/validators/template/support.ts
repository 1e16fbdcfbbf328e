/**
 * TEMPLATE: copied (without `export`s and imports) into every generated validators.ts. It wraps the compiled
 * checks into `Validator`s: type guard, issues with JSON Pointer paths and readable messages, and the promise
 * that neither ever throws, whatever the value (cycles, 10,000-deep nesting, BigInt, functions).
 */
import type { ValidationIssue, Validator } from "../../../runtime/validation.js";

/** What Ajv-generated code reports (a subset of Ajv's ErrorObject). */
interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The emitter turns errors with constant parameters into finished issues (see compile.ts). */
type CheckError = AjvError | ValidationIssue;

type Check = ((data: unknown, options?: object) => boolean) & { errors?: CheckError[] | null };

/**
 * Replaced by the emitter: true when a schema uses $dynamicAnchor, whose checks write into `dynamicAnchors`.
 * Otherwise every top-level call shares one frozen options object instead of allocating two per call.
 */
const __DYNAMIC_SCOPES = false as boolean;
const SHARED_OPTIONS = Object.freeze({ instancePath: "", dynamicAnchors: Object.freeze({}) });

function call(check: Check, value: unknown): boolean {
  return __DYNAMIC_SCOPES ? check(value) : check(value, SHARED_OPTIONS);
}

/** More issues than this are summarised: a million wrong items need not become a million objects downstream. */
const MAX_ISSUES = 100;

/** Length in code points, as JSON Schema counts it (a surrogate pair is one character). */
export function __ucs2length(text: string): number {
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

/** JSON equality (enum, const, uniqueItems): 1 and 1.0 are equal, key order does not matter. */
export function __equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => __equal(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && __equal(ra[k], rb[k]));
}

function escapeSegment(name: string): string {
  return name.includes("~") || name.includes("/") ? name.replace(/~/g, "~0").replace(/\//g, "~1") : name;
}

function typeName(t: unknown): string {
  return t === "integer" || t === "object" || t === "array" ? `an ${t}` : t === "null" ? "null" : `a ${String(t)}`;
}

function describeType(type: unknown): string {
  return Array.isArray(type) ? type.map(typeName).join(" or ") : typeName(type);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const BOUNDS: Record<string, string> = {
  maximum: "must be at most",
  minimum: "must be at least",
  exclusiveMaximum: "must be less than",
  exclusiveMinimum: "must be greater than",
  multipleOf: "must be a multiple of",
};

const COUNTS: Record<string, [string, string]> = {
  maxLength: ["at most", "character"],
  minLength: ["at least", "character"],
  maxItems: ["at most", "item"],
  minItems: ["at least", "item"],
  maxProperties: ["at most", "property"],
  minProperties: ["at least", "property"],
};

const FIXED: Record<string, string> = {
  not: "must not match the schema in `not`",
  anyOf: "must match at least one of the schemas in `anyOf`",
  oneOf: "must match exactly one of the schemas in `oneOf`",
  "false schema": "is not allowed here",
  propertyNames: "has a property name that is not allowed",
  contains: "must contain a matching item",
  if: "does not match the `then`/`else` branch its `if` selects",
};

function plural(count: unknown, noun: string): string {
  const word = count === 1 ? noun : noun === "property" ? "properties" : `${noun}s`;
  return `${String(count)} ${word}`;
}

/** Enum lists are schema constants: each message is built once. */
const ENUM_MESSAGES = new WeakMap<object, string>();

function enumMessage(allowedValues: unknown): string {
  const allowed = Array.isArray(allowedValues) ? allowedValues : [];
  let message = ENUM_MESSAGES.get(allowed);
  if (message === undefined) {
    message = `must be one of ${allowed.slice(0, 10).map(show).join(", ")}${allowed.length > 10 ? ", ..." : ""}`;
    ENUM_MESSAGES.set(allowed, message);
  }
  return message;
}

function at(path: string, name: unknown): string {
  return `${path}/${escapeSegment(String(name))}`;
}

export function toIssue(error: AjvError): ValidationIssue {
  const p = error.params;
  const path = error.instancePath;
  const keyword = error.keyword;
  if (keyword === "required") {
    return {
      path: at(path, p.missingProperty),
      keyword,
      message: `is required (missing property ${show(p.missingProperty)})`,
    };
  }
  if (keyword === "dependentRequired") {
    return {
      path: at(path, p.missingProperty),
      keyword,
      message: `is required when ${show(p.property)} is present (missing property ${show(p.missingProperty)})`,
    };
  }
  if (
    (keyword === "additionalProperties" || keyword === "unevaluatedProperties") &&
    p.additionalProperty !== undefined
  ) {
    return { path: at(path, p.additionalProperty), keyword, message: "is not an allowed property" };
  }
  if (keyword === "unevaluatedProperties" && p.unevaluatedProperty !== undefined) {
    return { path: at(path, p.unevaluatedProperty), keyword, message: "is not an allowed property" };
  }
  const counted = COUNTS[keyword];
  if (counted) return { path, keyword, message: `must have ${counted[0]} ${plural(p.limit, counted[1])}` };
  const bound = BOUNDS[keyword];
  if (bound) return { path, keyword, message: `${bound} ${String(p.limit ?? p.multipleOf)}` };
  switch (keyword) {
    case "type":
      return { path, keyword, message: `must be ${describeType(p.type)}` };
    case "format":
      return { path, keyword, message: `must be a valid ${String(p.format)}` };
    case "enum":
      return { path, keyword, message: enumMessage(p.allowedValues) };
    case "const":
      return { path, keyword, message: `must equal ${show(p.allowedValue)}` };
    case "pattern":
      return { path, keyword, message: `must match the pattern ${show(p.pattern)}` };
    case "uniqueItems":
      return {
        path,
        keyword,
        message: `must not contain duplicates (items ${String(p.j)} and ${String(p.i)} are equal)`,
      };
    case "unevaluatedItems":
    case "items":
      return { path, keyword, message: `must have at most ${plural(p.limit, "item")}` };
  }
  return { path, keyword, message: FIXED[keyword] ?? `fails the \`${keyword}\` constraint` };
}

function finish(error: CheckError): ValidationIssue {
  return "path" in error ? error : toIssue(error);
}

function failure(error: unknown): ValidationIssue[] {
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

const UNDEFINED: ValidationIssue[] = [{ path: "", keyword: "type", message: "must be a JSON value, not undefined" }];

export function __is(check: Check, value: unknown): boolean {
  if (value === undefined) return false;
  try {
    return call(check, value);
  } catch {
    return false;
  }
}

export function __validate(check: Check, value: unknown): ValidationIssue[] {
  if (value === undefined) return UNDEFINED.map((issue) => ({ ...issue }));
  let errors: CheckError[];
  try {
    if (call(check, value)) return [];
    errors = check.errors ?? [];
  } catch (error) {
    return failure(error);
  }
  let finished = errors.length <= MAX_ISSUES;
  for (let i = 0; finished && i < errors.length; i++) finished = "path" in (errors[i] as CheckError);
  if (finished) return errors as ValidationIssue[];
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < errors.length && i < MAX_ISSUES; i++) issues.push(finish(errors[i] as CheckError));
  if (errors.length > MAX_ISSUES) {
    issues.push({ path: "", keyword: "maxIssues", message: `${errors.length - MAX_ISSUES} more issues not listed` });
  }
  return issues;
}

export function __validator<T>(name: string, fast: Check, full: Check): Validator<T> {
  return {
    name,
    is: (value: unknown): value is T => __is(fast, value),
    validate: (value: unknown) => __validate(full, value),
  };
}
