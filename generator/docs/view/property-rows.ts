/** Property tables for object schemas (request bodies, responses, the Schemas section). */
import type { SchemaObject } from "../../load/openapi-types.js";
import { notes, resolve, typeParts, type PropertyRow, type SchemaContext } from "./schema-view.js";
import { renderText } from "./text.js";

type Schema = SchemaObject | boolean;

/**
 * Property rows of an object schema, `allOf` members merged; empty for anything that is not an object. Inline
 * (unnamed) nested objects are expanded as `parent.child` rows, since they have no Schemas entry to link to.
 */
export function propertyRows(ctx: SchemaContext, schema: Schema | undefined, prefix = "", depth = 0): PropertyRow[] {
  const rows = new Map<string, PropertyRow>();
  const nested = new Map<string, PropertyRow[]>();
  const required = new Set<string>();
  const visit = (node: Schema | undefined, level: number) => {
    if (level > 8) return;
    const resolved = resolve(ctx, node);
    for (const name of resolved.required ?? []) required.add(name);
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      const own = typeof property === "object" ? property : {};
      const target = resolve(ctx, property);
      rows.set(name, {
        name: prefix + name,
        type: typeParts(ctx, property),
        required: false,
        description: renderText(own.description ?? target.description),
        notes: notes({ ...target, ...own }),
      });
      nested.set(name, depth < 3 ? inlineChildren(ctx, own, `${prefix}${name}`, depth) : []);
    }
    for (const member of resolved.allOf ?? []) visit(member, level + 1);
  };
  visit(schema, 0);
  return [...rows.entries()].flatMap(([name, row]) => [
    { ...row, required: required.has(name) },
    ...(nested.get(name) ?? []),
  ]);
}

function inlineChildren(ctx: SchemaContext, schema: SchemaObject, path: string, depth: number): PropertyRow[] {
  if (typeof schema.$ref === "string") return [];
  if (schema.properties || schema.allOf) return propertyRows(ctx, schema, `${path}.`, depth + 1);
  const items = schema.items;
  if (typeof items === "object" && typeof items.$ref !== "string" && (items.properties || items.allOf))
    return propertyRows(ctx, items, `${path}[].`, depth + 1);
  return [];
}
