/**
 * The object part of a schema: discriminator property, properties (readOnly/writeOnly as $Read/$Write brands),
 * `$defs`, and additionalProperties/patternProperties as a `[key: string]` index signature intersected with the
 * named members — exactly where openapi-typescript puts them.
 */
import { ts } from "../../code.js";
import { docLines } from "./comments.js";
import { at, ref, type Context } from "./context.js";
import { memberKey } from "./keys.js";
import { generic, intersection, objectType, union, UNKNOWN, type Member, type TypeNode } from "./nodes.js";
import { discriminatorValue, isObject, literal } from "./values.js";

type Schema = Record<string, unknown>;

/** schema.ts's `schemaType`, passed in: the two recurse into each other, and an import each way would be a cycle. */
export type TypeOf = (ctx: Context, schema: unknown, path: string) => TypeNode;

function marked(type: TypeNode, value: unknown): TypeNode {
  if (!isObject(value)) return type;
  const readOnly = Boolean(value.readOnly);
  const writeOnly = Boolean(value.writeOnly);
  if (readOnly === writeOnly) return type;
  return generic(readOnly ? ts`$Read` : ts`$Write`, [type]);
}

function discriminatorMember(ctx: Context, schema: Schema, path: string): Member | undefined {
  if (!schema.allOf && !schema.anyOf) return undefined;
  if (schema.discriminator || ctx.discriminators.refsHandled.includes(path)) return undefined;
  const discriminator = ctx.discriminators.objects[path];
  if (!discriminator) return undefined;
  return {
    doc: [],
    key: memberKey(discriminator.propertyName),
    optional: false,
    type: literal(discriminatorValue(discriminator, path)),
  };
}

function propertyMembers(ctx: Context, schema: Schema, path: string, schemaType: TypeOf): Member[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  return Object.entries(properties).map(([key, value]) => {
    if ((typeof value !== "object" && typeof value !== "boolean") || Array.isArray(value) || value === null) {
      throw new Error(`${path}: invalid property ${key}: expected a schema object or a boolean`);
    }
    const target = isObject(value) && "$ref" in value ? String(value.$ref) : undefined;
    const type = target ? ref(ctx, target) : schemaType(ctx, value, at(ctx, [path, key]));
    return { doc: docLines(value), key: memberKey(key), optional: !required.includes(key), type: marked(type, value) };
  });
}

function defsMember(ctx: Context, defs: Schema, path: string, schemaType: TypeOf): Member {
  const members = Object.entries(defs).map(([key, value]) => ({
    doc: docLines(value),
    key: memberKey(key),
    optional: false,
    type: marked(schemaType(ctx, value, at(ctx, [path, "$defs", key])), value),
  }));
  return { doc: [], key: ts`$defs`, optional: false, type: objectType(members) };
}

export function objectCore(ctx: Context, schema: Schema, path: string, schemaType: TypeOf): TypeNode | undefined {
  const members: Member[] = [];
  const discriminator = discriminatorMember(ctx, schema, path);
  if (discriminator) members.push(discriminator);
  const properties = schema.properties;
  const additional = schema.additionalProperties;
  const patterns = schema.patternProperties;
  const hasProperties = isObject(properties) && Object.keys(properties).length > 0;
  if (!hasProperties && !additional && !patterns && !schema.$defs) {
    return members.length > 0 ? objectType(members) : undefined;
  }
  if (hasProperties) members.push(...propertyMembers(ctx, schema, path, schemaType));
  if (isObject(schema.$defs) && Object.keys(schema.$defs).length > 0)
    members.push(defsMember(ctx, schema.$defs, path, schemaType));
  const indexTypes: TypeNode[] = [];
  if (isObject(additional) && Object.keys(additional).length > 0) indexTypes.push(schemaType(ctx, additional, path));
  if (additional === true || (isObject(additional) && Object.keys(additional).length === 0)) indexTypes.push(UNKNOWN);
  if (isObject(patterns)) for (const value of Object.values(patterns)) indexTypes.push(schemaType(ctx, value, path));
  if (indexTypes.length === 0) return members.length > 0 ? objectType(members) : undefined;
  const index: Member = { doc: [], key: ts`key`, index: true, optional: false, type: union(indexTypes) };
  return intersection([...(members.length > 0 ? [objectType(members)] : []), objectType([index])]);
}
