/**
 * JSON Schema → TypeScript, following openapi-typescript 7.13's transformSchemaObject with the options we run it
 * with (readWriteMarkers on, defaultNonNullable off, no enums/immutable/alphabetize), so both emitters agree on
 * every type (test/generator/native-types.test.ts compiles the two side by side).
 */
import { ts } from "../../code.js";
import { at, ref, resolve, type Context } from "./context.js";
import type { Discriminator } from "./discriminators.js";
import {
  BLOB,
  BOOLEAN,
  generic,
  intersection,
  isPrimitive,
  NEVER,
  nullable,
  NULL,
  NUMBER,
  record,
  STRING,
  union,
  UNKNOWN,
  type TypeNode,
} from "./nodes.js";
import { isBinarySchema } from "../binary.js";
import { objectCore } from "./object.js";
import { isObject, literal } from "./values.js";

type Schema = Record<string, unknown>;

export function schemaType(ctx: Context, schema: unknown, path: string): TypeNode {
  if (!schema) return NEVER;
  if (schema === true) return UNKNOWN;
  if (!isObject(schema))
    throw new Error(`${path}: expected a schema object, found ${Array.isArray(schema) ? "an array" : typeof schema}`);
  if ("$ref" in schema) return ref(ctx, String(schema.$ref));
  if (schema.const !== null && schema.const !== undefined) return literal(schema.const);
  if (
    Array.isArray(schema.enum) &&
    schema.type !== "object" &&
    !("properties" in schema) &&
    !("additionalProperties" in schema)
  ) {
    const members = schema.enum.map(literal);
    if ((Array.isArray(schema.type) && schema.type.includes("null")) || schema.nullable) members.push(NULL);
    return union(members);
  }
  return composed(ctx, schema, path);
}

function unionItems(ctx: Context, items: unknown, key: string, path: string): TypeNode[] {
  return Array.isArray(items) ? items.map((item, i) => schemaType(ctx, item, at(ctx, [path, key, String(i)]))) : [];
}

function allOfItems(ctx: Context, items: unknown, required: unknown, path: string): TypeNode[] {
  if (!Array.isArray(items)) return [];
  const parentRequired = Array.isArray(required) ? (required as string[]) : [];
  return items.map((item) => {
    let type: TypeNode;
    let discriminator: Discriminator | undefined;
    if (isObject(item) && "$ref" in item) {
      const target = String(item.$ref);
      type = ref(ctx, target);
      const resolved = resolve(ctx, target);
      if (isObject(resolved) && "properties" in resolved && !ctx.discriminators.refsHandled.includes(target)) {
        const properties = isObject(resolved.properties) ? resolved.properties : {};
        const keys = parentRequired.filter((k) => Object.hasOwn(properties, k) && properties[k]);
        if (keys.length > 0) {
          ctx.withRequired ??= ctx.operations === undefined ? "first" : "after operations";
          type = generic(ts`WithRequired`, [type, union(keys.map(literal))]);
        }
      }
      discriminator =
        ctx.discriminators.objects[target] ??
        (isObject(item.discriminator) ? (item.discriminator as unknown as Discriminator) : undefined);
    } else {
      const own = isObject(item) && Array.isArray(item.required) ? (item.required as string[]) : [];
      type = schemaType(ctx, { ...(isObject(item) ? item : {}), required: [...parentRequired, ...own] }, path);
      discriminator =
        isObject(item) && isObject(item.discriminator) ? (item.discriminator as unknown as Discriminator) : undefined;
    }
    return discriminator
      ? generic(ts`Omit`, [type, { kind: "union", types: [literal(discriminator.propertyName)] }])
      : type;
  });
}

/** Core type (primitive/array/object) intersected with allOf, then anyOf and oneOf, then `nullable`. */
function composed(ctx: Context, schema: Schema, path: string): TypeNode {
  let final: TypeNode | undefined;
  const core = coreType(ctx, schema, path);
  const allOf = allOfItems(ctx, schema.allOf, schema.required, path);
  if (core || allOf.length > 0) {
    final = intersection([...(core ? [core] : []), ...(allOf.length > 0 ? [intersection(allOf)] : [])]);
  }
  const anyOf = unionItems(ctx, schema.anyOf, "anyOf", path);
  if (anyOf.length > 0) final = union([...(final ? [final] : []), ...anyOf]);
  const oneOfSource = schema.oneOf || (schema.type === "object" && schema.enum) || [];
  const oneOf = unionItems(ctx, oneOfSource, "oneOf", path);
  if (oneOf.length > 0) {
    final = oneOf.every(isPrimitive)
      ? union([...(final ? [final] : []), ...oneOf])
      : intersection([...(final ? [final] : []), union(oneOf)]);
  }
  final ??= "type" in schema ? record(STRING, NEVER) : UNKNOWN;
  return final !== UNKNOWN && schema.nullable ? nullable(final) : final;
}

function coreType(ctx: Context, schema: Schema, path: string): TypeNode | undefined {
  const type = schema.type;
  if (type) {
    if (type === "null") return NULL;
    if (type === "string") return isBinarySchema(schema) ? BLOB : STRING;
    if (type === "number" || type === "integer") return NUMBER;
    if (type === "boolean") return BOOLEAN;
    if (type === "array") return arrayType(ctx, schema, path);
    if (Array.isArray(type)) return typeArray(ctx, schema, type as unknown[], path);
  }
  return objectCore(ctx, schema, path, schemaType);
}

function arrayType(ctx: Context, schema: Schema, path: string): TypeNode {
  let item: TypeNode = UNKNOWN;
  const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
  if (Array.isArray(tuple)) item = { kind: "tuple", elements: tuple.map((i) => schemaType(ctx, i, path)) };
  else if (schema.items) {
    const items = schemaType(ctx, schema.items, path);
    item = isObject(schema.items) && schema.items.type === "array" ? { kind: "array", element: items } : items;
  }
  return item.kind === "tuple" || item.kind === "array" ? item : { kind: "array", element: item };
}

/** `type: [a, b]`: one member per type, each transformed with the rest of the schema (3.1 nullable is `null`). */
function typeArray(ctx: Context, schema: Schema, types: unknown[], path: string): TypeNode {
  const out: TypeNode[] = [];
  const oneOf = Array.isArray(schema.oneOf) ? (schema.oneOf as unknown[]) : undefined;
  for (const t of types) {
    if (
      oneOf &&
      ["boolean", "string", "number", "integer", "null"].includes(t as string) &&
      oneOf.some((o) => isObject(o) && "type" in o && o.type === t)
    ) {
      continue;
    }
    if (t === "null" || t === null) out.push(NULL);
    else out.push(schemaType(ctx, oneOf ? { ...schema, type: t, oneOf: undefined } : { ...schema, type: t }, path));
  }
  return union(out);
}
