/** A valid request for any operation of any document, synthesised from its schemas (for the corpus tests). */
import { follow, fragmentOf, isRecord } from "../../generator/openapi/pointer.js";
import { kindOf } from "../../generator/mock/media.js";
import type { MockOperation } from "../../generator/mock/operation-types.js";
import type { SchemaRegistry } from "../../generator/mock/schemas.js";
import { synthesize } from "../../generator/mock/synth.js";

export interface BuiltRequest {
  path: string;
  init: RequestInit;
}

/** Credentials satisfying every scheme the document defines (the mock checks form, not secrets). */
export function credentials(doc: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  const schemes =
    isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const key of Object.keys(schemes)) {
    const scheme = follow(doc, fragmentOf(["components", "securitySchemes", key])).value;
    if (!isRecord(scheme)) continue;
    if (scheme.type === "http") headers.authorization = `${String(scheme.scheme ?? "bearer")} dG9rOnRvaw==`;
    if (scheme.type === "oauth2" || scheme.type === "openIdConnect") headers.authorization ??= "Bearer tok";
    if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string")
      headers[scheme.name.toLowerCase()] = "key";
  }
  return headers;
}

/** `{ a: { b: [1] } }` → `a[b][0]=1`, the deepObject form encoding Stripe and Twilio read. */
function flatten(value: unknown, key: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${key}[${i}]`, out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}[${k}]` : k, out);
  else if (value !== null && value !== undefined) out.push([key, String(value)]);
  return out;
}

export function buildRequest(registry: SchemaRegistry, op: MockOperation, doc: Record<string, unknown>): BuiltRequest {
  const sample = (fragment?: string): unknown =>
    synthesize(registry.document, fragment ? follow(registry.document, fragment).value : undefined);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(sample(op.params.find((p) => p.in === "path" && p.name === name)?.schema))),
  );
  const query = new URLSearchParams();
  const headers: Record<string, string> = { ...credentials(doc), accept: "application/json" };
  for (const param of op.params.filter((p) => p.required)) {
    const value = sample(param.schema);
    if (param.in === "query") {
      for (const item of Array.isArray(value) ? value : [value]) query.append(param.name, String(item));
    } else if (param.in === "header") headers[param.name] = String(value);
  }
  const init: RequestInit = { method: op.method.toUpperCase(), headers };
  const media = op.body?.content[0];
  if (media && op.method !== "get" && op.method !== "head") {
    const value = media.example ?? sample(media.schema);
    const kind = kindOf(media.mediaType);
    if (kind === "multipart") {
      // fetch writes the multipart body and its boundary into content-type itself.
      init.body = multipart(registry, media.schema, value);
      return { path: `${path}${query.size > 0 ? `?${query.toString()}` : ""}`, init };
    }
    headers["content-type"] = media.mediaType;
    init.body =
      kind === "form"
        ? new URLSearchParams(flatten(value, "", [])).toString()
        : kind === "json"
          ? JSON.stringify(value)
          : String(value ?? "x");
  }
  return { path: `${path}${query.size > 0 ? `?${query.toString()}` : ""}`, init };
}

/** A multipart body: binary members as file parts, objects and arrays as JSON parts, the rest as text. */
function multipart(registry: SchemaRegistry, fragment: string | undefined, value: unknown): FormData {
  const form = new FormData();
  const schema = fragment ? follow(registry.document, fragment).value : undefined;
  const props = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  const resolved = (prop: unknown): unknown =>
    isRecord(prop) && typeof prop.$ref === "string"
      ? follow(registry.document, prop.$ref.replace(/^[^#]*#/, "")).value
      : prop;
  const isBinary = (prop: unknown): boolean => {
    const p = resolved(prop);
    return isRecord(p) && (p.format === "binary" || (typeof p.contentMediaType === "string" && !p.contentEncoding));
  };
  for (const [name, member] of Object.entries(isRecord(value) ? value : {})) {
    const prop = resolved(props[name]);
    const itemsBinary = isRecord(prop) && prop.type === "array" && isBinary(prop.items);
    if (isBinary(prop) || itemsBinary) {
      for (const item of itemsBinary && Array.isArray(member) ? member : [member])
        form.append(name, new Blob([String(item ?? "x")], { type: "application/octet-stream" }), `${name}.bin`);
    } else if (Array.isArray(member) && isRecord(prop) && prop.type === "array") {
      for (const item of member) form.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
    } else form.append(name, typeof member === "object" && member !== null ? JSON.stringify(member) : String(member));
  }
  return form;
}
