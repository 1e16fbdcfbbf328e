/**
 * Credentials on a request, as each security scheme of the document says: bearer/basic `Authorization`, API keys
 * in a header, the query or a cookie (with `x-auth-prefix`). Also the deliberately wrong ones for `ignored_auth`.
 */
import { isRecord } from "../openapi/pointer.js";
import type { SecurityRequirement } from "../mock/operation-types.js";
import type { WireRequest } from "./types.js";

export type Credentials = Record<string, string>;

function schemeOf(doc: Record<string, unknown>, name: string): Record<string, unknown> {
  const components = isRecord(doc.components) ? doc.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const scheme = schemes[name];
  return isRecord(scheme) ? scheme : {};
}

export function schemeNames(doc: Record<string, unknown>): string[] {
  const components = isRecord(doc.components) ? doc.components : {};
  return Object.keys(isRecord(components.securitySchemes) ? components.securitySchemes : {});
}

/** Schemes that can be checked over plain HTTP (mutualTLS cannot). */
export function checkable(doc: Record<string, unknown>, name: string): boolean {
  const type = schemeOf(doc, name).type;
  return type === "http" || type === "apiKey" || type === "oauth2" || type === "openIdConnect";
}

/** The requirement to satisfy: the first whose schemes all have credentials, else the first. */
export function chooseRequirement(
  requirements: SecurityRequirement[],
  credentials: Credentials,
): SecurityRequirement | undefined {
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return undefined;
  return requirements.find((r) => Object.keys(r).every((name) => name in credentials)) ?? requirements[0];
}

/** Adds the credential of every scheme of `requirement` (a copy; the original is untouched). */
export function authorise(
  doc: Record<string, unknown>,
  request: WireRequest,
  requirement: SecurityRequirement | undefined,
  credentials: Credentials,
): WireRequest {
  if (!requirement) return request;
  const out: WireRequest = { ...request, headers: { ...request.headers } };
  for (const name of Object.keys(requirement)) {
    const value = credentials[name];
    if (value === undefined) continue;
    const scheme = schemeOf(doc, name);
    if (scheme.type === "http") {
      const kind = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "bearer";
      out.headers.authorization =
        kind === "basic" ? `Basic ${Buffer.from(value).toString("base64")}` : `${capitalise(kind)} ${value}`;
    } else if (scheme.type === "oauth2" || scheme.type === "openIdConnect") {
      out.headers.authorization = `Bearer ${value}`;
    } else if (scheme.type === "apiKey" && typeof scheme.name === "string") {
      const prefix = typeof scheme["x-auth-prefix"] === "string" ? `${scheme["x-auth-prefix"]} ` : "";
      if (scheme.in === "query") {
        const url = new URL(out.url);
        url.searchParams.set(scheme.name, prefix + value);
        out.url = url.href;
      } else if (scheme.in === "cookie") {
        const cookie = `${scheme.name}=${encodeURIComponent(prefix + value)}`;
        out.headers.cookie = out.headers.cookie ? `${out.headers.cookie}; ${cookie}` : cookie;
      } else {
        out.headers[scheme.name.toLowerCase()] = prefix + value;
      }
    }
  }
  return out;
}

/** Same form as the real credentials, different value: a server that accepts these checks form, not identity. */
export function invalidCredentials(credentials: Credentials): Credentials {
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => [
      name,
      value.includes(":") ? "conformance-invalid:wrong-password" : `conformance-invalid-${value.length}`,
    ]),
  );
}

/** Values for schemes the user gave no credential for: well-formed placeholders (a mock accepts them). */
export function placeholders(doc: Record<string, unknown>, given: Credentials): Credentials {
  const out: Credentials = {};
  for (const name of schemeNames(doc)) {
    const scheme = schemeOf(doc, name);
    const basic = scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic";
    out[name] = given[name] ?? (basic ? "conformance:placeholder" : "conformance-placeholder");
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
