/**
 * TEMPLATE: copied (without `export`s and imports) into every generated validators.ts. It wraps the compiled
 * checks into `Validator`s: type guard, issues with JSON Pointer paths and readable messages, and the promise
 * that neither ever throws, whatever the value (cycles, 10,000-deep nesting, BigInt, functions).
 */
import type { ValidationIssue, Validator } from "../../../runtime/validation.js";

/** What Ajv-generated code reports (a subset of Ajv's ErrorObject). */
interface CheckError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Check = ((data: unknown) => boolean) & { errors?: CheckError[] | null };

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
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describeType(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((t) =>
    t === "integer" || t === "object" || t === "array" ? `an ${t}` : t === "null" ? "null" : `a ${String(t)}`,
  );
  return names.join(" or ");
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function toIssue(error: CheckError): ValidationIssue {
  const p = error.params;
  const path = error.instancePath;
  switch (error.keyword) {
    case "required":
      return {
        path: `${path}/${escapeSegment(String(p.missingProperty))}`,
        keyword: "required",
        message: `is required (missing property ${show(p.missingProperty)})`,
      };
    case "additionalProperties":
    case "unevaluatedProperties":
      if (p.additionalProperty === undefined && p.unevaluatedProperty === undefined) break;
      return {
        path: `${path}/${escapeSegment(String(p.additionalProperty ?? p.unevaluatedProperty))}`,
        keyword: error.keyword,
        message: "is not an allowed property",
      };
    case "type":
      return { path, keyword: "type", message: `must be ${describeType(p.type)}` };
    case "format":
      return { path, keyword: "format", message: `must be a valid ${String(p.format)}` };
    case "enum": {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      const list = allowed.slice(0, 10).map(show).join(", ") + (allowed.length > 10 ? ", ..." : "");
      return { path, keyword: "enum", message: `must be one of ${list}` };
    }
    case "const":
      return { path, keyword: "const", message: `must equal ${show(p.allowedValue)}` };
    case "maxLength":
    case "minLength": {
      const bound = error.keyword === "maxLength" ? "at most" : "at least";
      return { path, keyword: error.keyword, message: `must be ${bound} ${String(p.limit)} characters long` };
    }
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum": {
      const words: Record<string, string> = {
        maximum: "at most",
        minimum: "at least",
        exclusiveMaximum: "less than",
        exclusiveMinimum: "greater than",
      };
      return { path, keyword: error.keyword, message: `must be ${words[error.keyword]} ${String(p.limit)}` };
    }
    case "pattern":
      return { path, keyword: "pattern", message: `must match the pattern ${show(p.pattern)}` };
  }
  return { path, keyword: error.keyword, message: error.message ?? `fails ${error.keyword}` };
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
    return check(value);
  } catch {
    return false;
  }
}

export function __validate(check: Check, value: unknown): ValidationIssue[] {
  if (value === undefined) return UNDEFINED.map((issue) => ({ ...issue }));
  let errors: CheckError[];
  try {
    if (check(value)) return [];
    errors = check.errors ?? [];
  } catch (error) {
    return failure(error);
  }
  const issues = errors.slice(0, MAX_ISSUES).map(toIssue);
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
