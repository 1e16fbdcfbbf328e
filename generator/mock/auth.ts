/**
 * Security requirements as the document states them: any one requirement (OR) whose schemes are all satisfied
 * (AND). The mock checks presence and form, not secrets: any well-formed credential is accepted.
 */
import type { IncomingHttpHeaders } from "node:http";
import { follow, fragmentOf, isRecord } from "./pointer.js";
import type { SecurityRequirement } from "./routes.js";

export interface Credentials {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  cookies: Map<string, string>;
}

/** Undefined when authorised; otherwise why not, naming what is missing. */
export function checkSecurity(
  doc: unknown,
  requirements: SecurityRequirement[],
  request: Credentials,
): string | undefined {
  if (requirements.length === 0) return undefined;
  const failures: string[] = [];
  for (const requirement of requirements) {
    const missing = Object.keys(requirement)
      .map((name) => checkScheme(doc, name, request))
      .filter((problem): problem is string => problem !== undefined);
    if (missing.length === 0) return undefined;
    failures.push(missing.join(" and "));
  }
  return failures.join("; or ");
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function checkScheme(doc: unknown, name: string, request: Credentials): string | undefined {
  const scheme = follow(doc, fragmentOf(["components", "securitySchemes", name])).value;
  if (!isRecord(scheme)) return `security scheme "${name}" is not defined in the document`;
  const authorization = header(request.headers, "authorization");
  switch (scheme.type) {
    case "http": {
      const kind = typeof scheme.scheme === "string" ? scheme.scheme : "bearer";
      const match = new RegExp(`^${kind.replace(/[^A-Za-z0-9-]/g, "")}\\s+\\S`, "i").test(authorization ?? "");
      return match ? undefined : `missing "Authorization: ${capitalise(kind)} <credentials>" (${name})`;
    }
    case "apiKey": {
      const keyName = typeof scheme.name === "string" ? scheme.name : "";
      const value =
        scheme.in === "query"
          ? (request.query.get(keyName) ?? undefined)
          : scheme.in === "cookie"
            ? request.cookies.get(keyName)
            : header(request.headers, keyName);
      const prefix = typeof scheme["x-auth-prefix"] === "string" ? `${scheme["x-auth-prefix"]} ` : "";
      if (value && value.startsWith(prefix) && value.length > prefix.length) return undefined;
      return `missing ${scheme.in ?? "header"} "${keyName}"${prefix ? ` of the form "${prefix}<key>"` : ""} (${name})`;
    }
    case "oauth2":
    case "openIdConnect":
      return /^bearer\s+\S/i.test(authorization ?? "")
        ? undefined
        : `missing "Authorization: Bearer <token>" (${name})`;
    default:
      // mutualTLS and unknown kinds cannot be checked over plain HTTP: accept.
      return undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
