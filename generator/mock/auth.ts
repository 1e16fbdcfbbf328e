/**
 * Security requirements as the document states them: any one requirement (OR) whose schemes are all satisfied
 * (AND). By default the mock checks presence and form, not secrets: any well-formed credential is accepted.
 * Given `credentials` (scheme → the one accepted value), it also refuses wrong ones, as a real server would.
 */
import type { IncomingHttpHeaders } from "node:http";
import { follow, fragmentOf, isRecord } from "../openapi/pointer.js";
import type { SecurityRequirement } from "./operation-types.js";

export interface Credentials {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  cookies: Map<string, string>;
}

/** Scheme name → the accepted credential: a token or key (without `x-auth-prefix`), or `user:password` for basic. */
export type AcceptedCredentials = Readonly<Record<string, string>>;

/** Undefined when authorised; otherwise why not, naming what is missing. */
export function checkSecurity(
  doc: unknown,
  requirements: SecurityRequirement[],
  request: Credentials,
  accepted?: AcceptedCredentials,
): string | undefined {
  if (requirements.length === 0) return undefined;
  const failures: string[] = [];
  for (const requirement of requirements) {
    const missing = Object.keys(requirement)
      .map((name) => checkScheme(doc, name, request, accepted?.[name]))
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

function checkScheme(doc: unknown, name: string, request: Credentials, accepted?: string): string | undefined {
  const scheme = follow(doc, fragmentOf(["components", "securitySchemes", name])).value;
  if (!isRecord(scheme)) return `security scheme "${name}" is not defined in the document`;
  const authorization = header(request.headers, "authorization");
  const wrong = `the credential for ${name} is not valid`;
  switch (scheme.type) {
    case "http": {
      const kind = typeof scheme.scheme === "string" ? scheme.scheme : "bearer";
      const form = new RegExp(`^${kind.replace(/[^A-Za-z0-9-]/g, "")}\\s+(\\S.*)$`, "i").exec(authorization ?? "");
      if (!form) return `missing "Authorization: ${capitalise(kind)} <credentials>" (${name})`;
      if (accepted === undefined) return undefined;
      const given = kind.toLowerCase() === "basic" ? Buffer.from(form[1]!, "base64").toString("utf8") : form[1];
      return given === accepted ? undefined : wrong;
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
      if (value && value.startsWith(prefix) && value.length > prefix.length)
        return accepted === undefined || value.slice(prefix.length) === accepted ? undefined : wrong;
      return `missing ${scheme.in ?? "header"} "${keyName}"${prefix ? ` of the form "${prefix}<key>"` : ""} (${name})`;
    }
    case "oauth2":
    case "openIdConnect": {
      const token = /^bearer\s+(\S.*)$/i.exec(authorization ?? "")?.[1];
      if (token === undefined) return `missing "Authorization: Bearer <token>" (${name})`;
      return accepted === undefined || token === accepted ? undefined : wrong;
    }
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
