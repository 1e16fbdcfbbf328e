/**
 * Issue messages, written at generation time: every message the generated checks report is a finished string in
 * the output (`must be a string`, `must be one of "a", "b"`), so `validate()` never formats anything at run time.
 */
function typeName(t: unknown): string {
  return t === "integer" || t === "object" || t === "array" ? `an ${t}` : t === "null" ? "null" : `a ${String(t)}`;
}

export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function plural(count: unknown, noun: string): string {
  const word = count === 1 ? noun : noun === "property" ? "properties" : `${noun}s`;
  return `${String(count)} ${word}`;
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
  maxContains: ["at most", "matching item"],
  minContains: ["at least", "matching item"],
};

const FIXED: Record<string, string> = {
  not: "must not match the schema in `not`",
  anyOf: "must match at least one of the schemas in `anyOf`",
  oneOf: "must match exactly one of the schemas in `oneOf`",
  "false schema": "is not allowed here",
  propertyNames: "has a property name that is not allowed",
  contains: "must contain a matching item",
  if: "does not match the `then`/`else` branch its `if` selects",
  additionalProperties: "is not an allowed property",
  unevaluatedProperties: "is not an allowed property",
};

/** The message of a keyword whose parameter (limit, allowed values, type list, format) is known. */
export function message(keyword: string, param?: unknown): string {
  const counted = COUNTS[keyword];
  if (counted) return `must have ${counted[0]} ${plural(param, counted[1])}`;
  const bound = BOUNDS[keyword];
  if (bound) return `${bound} ${String(param)}`;
  switch (keyword) {
    case "type":
      return `must be ${Array.isArray(param) ? param.map(typeName).join(" or ") : typeName(param)}`;
    case "format":
      return `must be a valid ${String(param)}`;
    case "enum": {
      const allowed = Array.isArray(param) ? param : [];
      return `must be one of ${allowed.slice(0, 10).map(show).join(", ")}${allowed.length > 10 ? ", ..." : ""}`;
    }
    case "const":
      return `must equal ${show(param)}`;
    case "pattern":
      return `must match the pattern ${show(param)}`;
    case "required":
      return `is required (missing property ${show(param)})`;
    case "items":
    case "unevaluatedItems":
      return `must have at most ${plural(param, "item")}`;
  }
  return FIXED[keyword] ?? `fails the \`${keyword}\` constraint`;
}

/** JSON Pointer segment, as the run-time `$p` writes it. */
export { escapeSegment as pointerSegment } from "../../openapi/pointer.js";
