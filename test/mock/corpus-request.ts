/** A valid request for any operation of any document, synthesised from its schemas (for the corpus tests). */
import { follow, fragmentOf, isRecord } from "../../generator/mock/pointer.js";
import { kindOf } from "../../generator/mock/media.js";
import type { MockOperation } from "../../generator/mock/routes.js";
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
