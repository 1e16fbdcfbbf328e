/**
 * Rewrites OpenAPI schema dialect quirks into JSON Schema 2020-12 so one Ajv instance validates both versions:
 * 3.0's `nullable: true` and boolean `exclusiveMinimum`/`exclusiveMaximum` (also found in real 3.1 documents,
 * e.g. OpenAI's). Works on a deep copy; the loaded document is never mutated.
 */
import { getAt, isRecord } from "./pointer.js";

type Json = unknown;

export function translateDocument(doc: Json): Json {
  return translate(doc);
}

function translate(node: Json): Json {
  if (Array.isArray(node)) return node.map(translate);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Examples are data, not schemas: copy them untouched.
    out[key] =
      key === "example" || key === "examples" || key === "default" || key === "enum" || key === "const"
        ? value
        : translate(value);
  }
  translateExclusive(out, "exclusiveMinimum", "minimum");
  translateExclusive(out, "exclusiveMaximum", "maximum");
  if (out.nullable === true) makeNullable(out);
  // `nullable: false` says nothing, but Ajv knows the keyword and refuses it without a `type`.
  else if (typeof out.nullable === "boolean") delete out.nullable;
  return out;
}

function translateExclusive(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  const flag = schema[exclusive];
  if (typeof flag !== "boolean") return;
  if (flag && typeof schema[inclusive] === "number") {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else {
    delete schema[exclusive];
  }
}

function makeNullable(schema: Record<string, unknown>): void {
  delete schema.nullable;
  const type = schema.type;
  if (typeof type === "string") schema.type = type === "null" ? type : [type, "null"];
  else if (Array.isArray(type) && !type.includes("null")) schema.type = [...type, "null"];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  // A nullable reference or composition (no `type`): accept null beside whatever the schema accepts.
  if (type === undefined && (schema.$ref !== undefined || schema.allOf || schema.oneOf || schema.anyOf)) {
    const inner = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [{ type: "null" }, inner];
  }
}

export type Direction = "request" | "response";

/**
 * The document as one direction sees it: a readOnly member is never required in a request, a writeOnly member
 * never in a response (OpenAPI 3.x). Unchanged subtrees are shared with the input, so a view costs little memory.
 */
export function directionalView(doc: Json, direction: Direction): Json {
  const hidden = direction === "request" ? "readOnly" : "writeOnly";
  const seen = new Map<unknown, unknown>();
  const flagged = (schema: unknown): boolean => {
    let target = schema;
    for (let hops = 0; isRecord(target) && typeof target.$ref === "string" && hops < 10; hops++) {
      target = getAt(doc, target.$ref.replace(/^[^#]*#/, ""));
    }
    return isRecord(target) && target[hidden] === true;
  };
  const visit = (node: Json): Json => {
    if (node === null || typeof node !== "object") return node;
    if (seen.has(node)) return seen.get(node);
    seen.set(node, node);
    let changed = false;
    const out: Record<string, unknown> | unknown[] = Array.isArray(node) ? [] : {};
    for (const [key, value] of Object.entries(node)) {
      const next = visit(value);
      if (next !== value) changed = true;
      (out as Record<string, unknown>)[key] = next;
    }
    if (isRecord(out) && Array.isArray(out.required) && isRecord(out.properties)) {
      const properties = out.properties;
      const kept = out.required.filter((name) => !flagged(properties[String(name)]));
      if (kept.length !== out.required.length) {
        out.required = kept;
        changed = true;
      }
    }
    const result = changed ? out : node;
    seen.set(node, result);
    return result;
  };
  return visit(doc);
}
