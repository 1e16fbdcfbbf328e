/**
 * Schemas as readers scan them: a one-line type label (`Contact[]`, `string <email> | null`) whose component
 * names link to the page's Schemas section, and a property table for objects. Nested objects are not expanded
 * inline; their component link leads on, which keeps pages short and cycles harmless.
 */
import type { JsonValue, OpenApiDocument, SchemaObject } from "../../load/openapi-types.js";
import { deref, refSegments } from "../../openapi/pointer.js";
import type { Block } from "./text.js";

export interface TypePart {
  text: string;
  href?: string;
}

export interface PropertyRow {
  name: string;
  type: TypePart[];
  required: boolean;
  description: Block[];
  notes: string[];
}

export interface SchemaContext {
  doc: OpenApiDocument;
  /** Anchor (`#schema-Contact`) for a component schema name. */
  schemaHref(name: string): string | undefined;
}

const COMPONENT = "#/components/schemas/";
const MAX_ENUM = 8;

type Schema = SchemaObject | boolean;

export function componentName(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT)) return undefined;
  const raw = ref.slice(COMPONENT.length);
  return raw.includes("/") ? undefined : refSegments(`/${raw}`)[0];
}

export function resolve(ctx: SchemaContext, schema: Schema | undefined): SchemaObject {
  if (schema === undefined || typeof schema === "boolean") return {};
  try {
    return deref<SchemaObject>(ctx.doc, schema);
  } catch {
    return {};
  }
}

export function typeParts(ctx: SchemaContext, schema: Schema | undefined, depth = 0): TypePart[] {
  if (schema === undefined || schema === true) return [{ text: "any" }];
  if (schema === false) return [{ text: "never" }];
  if (depth > 6) return [{ text: "…" }];
  if (typeof schema.$ref === "string") {
    const name = componentName(schema.$ref);
    if (name !== undefined) return [{ text: name, href: ctx.schemaHref(name) }];
    return typeParts(ctx, resolve(ctx, schema), depth + 1);
  }
  const nullable = schema.nullable === true ? [{ text: " | null" }] : [];
  if (Array.isArray(schema.enum)) return [...enumParts(schema.enum), ...nullable];
  if (schema.const !== undefined) return [{ text: literal(schema.const) }];
  for (const [key, sep] of [
    ["oneOf", " | "],
    ["anyOf", " | "],
    ["allOf", " & "],
  ] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length > 0)
      return [
        ...join(
          members.map((m) => typeParts(ctx, m, depth + 1)),
          sep,
        ),
        ...nullable,
      ];
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return [{ text: schema.properties ? "object" : "any" }, ...nullable];
  return [
    ...join(
      types.map((t) => single(ctx, schema, t, depth)),
      " | ",
    ),
    ...nullable,
  ];
}

function single(ctx: SchemaContext, schema: SchemaObject, type: string, depth: number): TypePart[] {
  if (type === "array") {
    const items = typeParts(ctx, schema.items, depth + 1);
    const wrap = items.some((p) => p.text.includes(" | ") || p.text.includes(" & "));
    return wrap ? [{ text: "(" }, ...items, { text: ")[]" }] : [...items, { text: "[]" }];
  }
  if (type === "object" && typeof schema.additionalProperties === "object" && !schema.properties) {
    return [{ text: "Record<string, " }, ...typeParts(ctx, schema.additionalProperties, depth + 1), { text: ">" }];
  }
  return [{ text: typeof schema.format === "string" && type !== "null" ? `${type} <${schema.format}>` : type }];
}

function enumParts(values: JsonValue[]): TypePart[] {
  const shown = values.slice(0, MAX_ENUM).map(literal);
  if (values.length > MAX_ENUM) shown.push(`… ${values.length - MAX_ENUM} more`);
  return [{ text: shown.join(" | ") }];
}

function join(groups: TypePart[][], separator: string): TypePart[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [{ text: separator }, ...group]));
}

export function literal(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Constraints worth a glance: bounds, defaults, formats' siblings, access. */
export function notes(schema: SchemaObject): string[] {
  const out: string[] = [];
  const num = (k: string) => (typeof schema[k] === "number" ? (schema[k] as number) : undefined);
  if (schema.default !== undefined) out.push(`default: ${literal(schema.default)}`);
  const exMin = schema.exclusiveMinimum;
  const exMax = schema.exclusiveMaximum;
  if (typeof exMin === "number") out.push(`> ${exMin}`);
  if (num("minimum") !== undefined) out.push(`${exMin === true ? ">" : "≥"} ${num("minimum")}`);
  if (typeof exMax === "number") out.push(`< ${exMax}`);
  if (num("maximum") !== undefined) out.push(`${exMax === true ? "<" : "≤"} ${num("maximum")}`);
  if (num("minLength") !== undefined) out.push(`min length ${num("minLength")}`);
  if (num("maxLength") !== undefined) out.push(`max length ${num("maxLength")}`);
  if (num("minItems") !== undefined) out.push(`min items ${num("minItems")}`);
  if (num("maxItems") !== undefined) out.push(`max items ${num("maxItems")}`);
  if (schema.uniqueItems === true) out.push("unique items");
  if (typeof schema.pattern === "string") out.push(`pattern: ${schema.pattern}`);
  if (schema.readOnly === true) out.push("read-only");
  if (schema.writeOnly === true) out.push("write-only");
  if (schema.deprecated === true) out.push("deprecated");
  return out;
}
