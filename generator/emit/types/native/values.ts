/** Leaf helpers of the native types emitter: schema-object test, literal types, inferred discriminator values. */
import { num, ts } from "../../code.js";
import { stringLiteral } from "../../safe.js";
import type { Discriminator } from "./discriminators.js";
import { memberKey } from "./keys.js";
import { NEVER, NULL, objectType, record, STRING, text, UNKNOWN, type Member, type TypeNode } from "./nodes.js";
import { parsePointer } from "./refs.js";

type Schema = Record<string, unknown>;

export function isObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON value as a literal type (`const`, `enum`). */
export function literal(value: unknown): TypeNode {
  if (typeof value === "string") return text(stringLiteral(value));
  if (typeof value === "number") return Number.isFinite(value) ? text(num(value)) : UNKNOWN;
  if (typeof value === "boolean") return text(value ? ts`true` : ts`false`);
  if (value === null) return NULL;
  if (Array.isArray(value))
    return value.length === 0 ? { kind: "array", element: NEVER } : { kind: "tuple", elements: value.map(literal) };
  if (isObject(value)) {
    const members: Member[] = Object.entries(value).map(([k, v]) => ({
      doc: [],
      key: memberKey(k),
      optional: false,
      type: literal(v),
    }));
    return members.length > 0 ? objectType(members) : record(STRING, NEVER);
  }
  return UNKNOWN;
}

/** Value after the last pointer segment: the discriminator value openapi-typescript infers for a schema. */
export function discriminatorValue(discriminator: Discriminator, path: string): string | undefined {
  let value = parsePointer(path).pop();
  for (const [k, v] of Object.entries(discriminator.mapping ?? {})) {
    if (typeof v !== "string") continue;
    if ((!v.startsWith("#") && v === value) || (v.startsWith("#") && parsePointer(v).pop() === value)) {
      value = k;
      break;
    }
  }
  return value;
}
