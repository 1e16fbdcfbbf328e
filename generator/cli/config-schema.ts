/**
 * Checks generator.config.json against generator.config.schema.json (the file editors complete through `$schema`).
 * The schema uses a small subset of JSON Schema, interpreted here so that a no-op `contactgen generate` does not pay
 * for loading Ajv (~0.1 s); test/cli/config.test.ts checks that this agrees with Ajv on the same schema and that
 * the schema uses no keyword outside the subset.
 */
import { readFileSync } from "node:fs";

export interface SchemaNode {
  type?: "object" | "array" | "string";
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
}

/** Keywords this checker understands; anything else in the schema is a test failure. */
export const SUPPORTED_KEYWORDS = new Set([
  ...["type", "required", "additionalProperties", "properties", "items", "enum", "pattern", "minLength"],
  ...["$schema", "title", "description", "default"],
]);

export const CONFIG_SCHEMA_URL = new URL("../../generator.config.schema.json", import.meta.url);

let loaded: SchemaNode | undefined;
export function configSchema(): SchemaNode {
  loaded ??= JSON.parse(readFileSync(CONFIG_SCHEMA_URL, "utf8")) as SchemaNode;
  return loaded;
}

/** Every violation as `location: what is wrong` (location like `apis[2].name`, `(root)` for the whole file). */
export function checkConfig(value: unknown, schema: SchemaNode = configSchema(), at = ""): string[] {
  const where = at || "(root)";
  if (schema.enum && !schema.enum.includes(value))
    return [`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`];
  if (schema.type === "string") {
    if (typeof value !== "string") return [`${where}: must be a string`];
    if (schema.minLength !== undefined && value.length < schema.minLength) return [`${where}: must not be empty`];
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value))
      return [`${where}: ${JSON.stringify(value)} does not match ${schema.pattern}`];
    return [];
  }
  if (schema.type === "array") {
    if (!Array.isArray(value)) return [`${where}: must be an array`];
    const items = schema.items;
    return items ? value.flatMap((item, i) => checkConfig(item, items, `${at}[${i}]`)) : [];
  }
  if (schema.type === "object") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where}: must be an object`];
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    const problems = (schema.required ?? [])
      .filter((key) => !Object.hasOwn(record, key))
      .map((key) => `${where}: "${key}" is required`);
    for (const [key, child] of Object.entries(record)) {
      const sub = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (sub) problems.push(...checkConfig(child, sub, at ? `${at}.${key}` : key));
      else if (schema.additionalProperties === false)
        problems.push(`${where}: unknown property "${key}" (allowed: ${Object.keys(properties).join(", ")})`);
    }
    return problems;
  }
  return [];
}
