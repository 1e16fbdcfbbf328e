import { follow, isRecord } from "../openapi/pointer.js";

export interface EchoRequest {
  pathParams: Record<string, string>;
  body: unknown;
}

/**
 * Copies request fields into the response where the response schema declares them, descending into objects
 * present on both sides, and into a `data` envelope when the root has no matching field (Pylon, JSON:API).
 * The last path parameter becomes the `id` when the response has one.
 */
export function echo(doc: unknown, target: unknown, schema: unknown, request: EchoRequest): unknown {
  if (!isRecord(target)) return target;
  const root = propertiesOf(doc, schema);
  const fields = isRecord(request.body) ? request.body : {};
  const rootMatches = Object.keys(fields).some((k) => Object.hasOwn(root, k));
  const dataSchema = root.data;
  const [into, intoSchema] =
    !rootMatches && isRecord(target.data) && dataSchema !== undefined ? [target.data, dataSchema] : [target, schema];
  merge(doc, into, fields, intoSchema);
  const ids = Object.values(request.pathParams);
  const id = ids[ids.length - 1];
  if (id !== undefined && Object.hasOwn(propertiesOf(doc, intoSchema), "id") && !Object.hasOwn(fields, "id")) {
    const current = into.id;
    into.id = typeof current === "number" && Number.isFinite(Number(id)) ? Number(id) : id;
  }
  return target;
}

function merge(doc: unknown, target: Record<string, unknown>, source: Record<string, unknown>, schema: unknown): void {
  const props = propertiesOf(doc, schema);
  for (const [key, value] of Object.entries(source)) {
    // Own keys only: a body member named `__proto__` or `constructor` must not reach the prototype chain.
    if (!Object.hasOwn(props, key)) continue;
    const current = target[key];
    if (isRecord(value) && isRecord(current)) merge(doc, current, value, props[key]);
    else
      Object.defineProperty(target, key, {
        value: structuredClone(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
}

/** Declared properties of an object schema, through references and `allOf`. */
function propertiesOf(doc: unknown, schema: unknown, depth = 0): Record<string, unknown> {
  if (!isRecord(schema) || depth > 10) return {};
  if (typeof schema.$ref === "string")
    return propertiesOf(doc, follow(doc, schema.$ref.replace(/^[^#]*#/, "")).value, depth + 1);
  const out: Record<string, unknown> = { ...(isRecord(schema.properties) ? schema.properties : {}) };
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : [])
    Object.assign(out, propertiesOf(doc, part, depth + 1));
  return out;
}
