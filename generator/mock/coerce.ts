/**
 * Text → the schema's types, for parameters and form bodies (everything arrives as strings): what Ajv's
 * `coerceTypes: "array"` did for the mock before it moved to the generated validators' engine. Numbers, integers,
 * booleans and null from their JSON spelling; a lone value where an array is expected becomes a one-item array,
 * a one-item array where a scalar is expected becomes that item. Anything else is left for validation to report.
 */
type Resolve = (ref: string) => unknown;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function record(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The types a schema accepts, looking through `$ref` and compositions (first level of each). */
function typesOf(schema: unknown, resolve: Resolve, depth: number): Set<string> {
  const out = new Set<string>();
  if (!record(schema) || depth > 16) return out;
  if (typeof schema.$ref === "string") for (const t of typesOf(resolve(schema.$ref), resolve, depth + 1)) out.add(t);
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : typeof type === "string" ? [type] : []) out.add(String(t));
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) for (const t of typesOf(sub, resolve, depth + 1)) out.add(t);
  }
  return out;
}

function member(schema: unknown, keyword: string, resolve: Resolve, depth: number): unknown {
  if (!record(schema) || depth > 16) return undefined;
  if (schema[keyword] !== undefined) return schema[keyword];
  if (typeof schema.$ref === "string") return member(resolve(schema.$ref), keyword, resolve, depth + 1);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const sub of list) {
      const found = member(sub, keyword, resolve, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function scalar(text: string, types: Set<string>): unknown {
  if (types.has("string") || types.size === 0) return text;
  if ((types.has("number") || types.has("integer")) && NUMBER.test(text)) {
    const n = Number(text);
    if (types.has("number") || Number.isInteger(n)) return n;
  }
  if (types.has("boolean") && (text === "true" || text === "false")) return text === "true";
  if (types.has("null") && text === "") return null;
  return text;
}

export function coerce(value: unknown, schema: unknown, resolve: Resolve, depth = 0): unknown {
  if (depth > 32) return value;
  const types = typesOf(schema, resolve, 0);
  if (Array.isArray(value)) {
    if (!types.has("array") && types.size > 0 && value.length === 1)
      return coerce(value[0], schema, resolve, depth + 1);
    const items = member(schema, "items", resolve, 0);
    return items === undefined ? value : value.map((item) => coerce(item, items, resolve, depth + 1));
  }
  if (typeof value === "string") {
    if (types.has("array") && !types.has("string")) {
      return [coerce(value, member(schema, "items", resolve, 0), resolve, depth + 1)];
    }
    return scalar(value, types);
  }
  if (record(value) && types.has("object")) {
    const properties = member(schema, "properties", resolve, 0);
    if (!record(properties)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const sub = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      Object.defineProperty(out, key, {
        value: sub === undefined ? value[key] : coerce(value[key], sub, resolve, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
