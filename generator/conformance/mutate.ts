/**
 * Invalid variants of a valid request part, derived from its schema: a required member removed, a wrong type,
 * a bound crossed, an enum left, an undeclared member where none is allowed. The oracle confirms each one.
 */
import { getAt, isRecord } from "../openapi/pointer.js";

export interface Mutation {
  what: string;
  apply(value: unknown): unknown;
}

function resolve(doc: unknown, schema: unknown, depth = 0): Record<string, unknown> {
  if (!isRecord(schema)) return {};
  if (typeof schema.$ref === "string" && depth < 10)
    return resolve(doc, getAt(doc, schema.$ref.replace(/^[^#]*#/, "")), depth + 1);
  if (Array.isArray(schema.allOf)) {
    const merged: Record<string, unknown> = {
      ...schema,
      properties: { ...(isRecord(schema.properties) ? schema.properties : {}) },
    };
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const part of schema.allOf) {
      const r = resolve(doc, part, depth + 1);
      Object.assign(merged.properties as object, r.properties);
      for (const name of Array.isArray(r.required) ? r.required.map(String) : []) required.add(name);
    }
    merged.required = [...required];
    return merged;
  }
  return schema;
}

function typesOf(schema: Record<string, unknown>): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === "string" ? [schema.type] : [];
}

/** A value whose JSON type is none of `types`. */
function wrongTypeFor(types: string[]): unknown {
  if (!types.includes("string")) return "wrong type";
  if (!types.includes("integer") && !types.includes("number")) return 42;
  if (!types.includes("boolean")) return true;
  return { wrong: "type" };
}

function with_(value: unknown, key: string, member: unknown): unknown {
  return { ...(isRecord(value) ? value : {}), [key]: member };
}

export function mutationsFor(doc: unknown, rawSchema: unknown): Mutation[] {
  const schema = resolve(doc, rawSchema);
  const out: Mutation[] = [];
  const rootTypes = typesOf(schema);
  if (rootTypes.length > 0) out.push({ what: "root of the wrong type", apply: () => wrongTypeFor(rootTypes) });
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const name of Array.isArray(schema.required) ? schema.required.map(String) : []) {
    out.push({
      what: `required ${name} removed`,
      apply: (v) => {
        const copy = { ...(isRecord(v) ? v : {}) };
        delete copy[name];
        return copy;
      },
    });
  }
  if (schema.additionalProperties === false) {
    out.push({ what: "undeclared member", apply: (v) => with_(v, "undeclared_member", 1) });
  }
  for (const [name, raw] of Object.entries(properties)) {
    const prop = resolve(doc, raw);
    const types = typesOf(prop);
    if (types.length > 0)
      out.push({ what: `${name} of the wrong type`, apply: (v) => with_(v, name, wrongTypeFor(types)) });
    if (Array.isArray(prop.enum))
      out.push({ what: `${name} outside its enum`, apply: (v) => with_(v, name, "not-in-the-enum") });
    const maxLength = prop.maxLength;
    if (typeof maxLength === "number")
      out.push({ what: `${name} too long`, apply: (v) => with_(v, name, "x".repeat(maxLength + 1)) });
    const minLength = prop.minLength;
    if (typeof minLength === "number" && minLength > 0)
      out.push({ what: `${name} too short`, apply: (v) => with_(v, name, "x".repeat(minLength - 1)) });
    for (const [key, delta] of [
      ["maximum", 1],
      ["exclusiveMaximum", 0],
      ["minimum", -1],
      ["exclusiveMinimum", 0],
    ] as const) {
      const bound = prop[key];
      if (typeof bound === "number")
        out.push({ what: `${name} beyond ${key}`, apply: (v) => with_(v, name, bound + delta) });
    }
    const maxItems = prop.maxItems;
    if (typeof maxItems === "number") {
      out.push({
        what: `${name} with too many items`,
        apply: (v) =>
          with_(
            v,
            name,
            Array.from({ length: maxItems + 1 }, () => "x"),
          ),
      });
    }
    const pattern = prop.pattern;
    if (typeof pattern === "string") {
      const miss = patternMiss(pattern);
      if (miss !== undefined)
        out.push({ what: `${name} not matching its pattern`, apply: (v) => with_(v, name, miss) });
    }
    const format = typeof prop.format === "string" ? prop.format : undefined;
    if (format && format in NOT_A)
      out.push({ what: `${name} not a valid ${format}`, apply: (v) => with_(v, name, NOT_A[format]) });
  }
  return out;
}

const NOT_A: Record<string, string> = {
  email: "not an email",
  uuid: "not-a-uuid",
  "date-time": "yesterday",
  date: "31/02/2024",
  uri: "not a uri",
  ipv4: "999.1.1.1",
};

/** A short text the pattern rejects, or undefined when it accepts all of these (or cannot be compiled). */
export function patternMiss(pattern: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
  return ["", "~", "!not matching!", "0", "a", "A b"].find((candidate) => !regex.test(candidate));
}
