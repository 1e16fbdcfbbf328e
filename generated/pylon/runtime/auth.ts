/**
 * Credentials from the document's security schemes. Each is given once at construction, as a value or an async
 * provider (called per request, so rotating tokens work), and applied to the operations that declare the scheme.
 */
import { RequestError } from "./errors.js";

/** A credential or a function that returns one (awaited before every request that needs it). */
export type Credential<T = string> = T | (() => T | Promise<T>);

export interface BasicCredentials {
  username: string;
  password: string;
}

export type SecuritySchemeSpec =
  | { type: "bearer" }
  | { type: "basic" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; prefix?: string }
  | { type: "unsupported" };

export interface AppliedAuth {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: string[];
}

/** An `unsupported` scheme's credential the caller left out (a provider that returns nothing is an error). */
const NOT_GIVEN = Symbol("not given");

const NO_AUTH: AppliedAuth = Object.freeze({ headers: {}, query: {}, cookies: [] }) as AppliedAuth;

/**
 * Picks the first security alternative whose schemes all have credentials and applies it. An empty alternative
 * means anonymous access is allowed. Throws when the operation needs credentials that were not given. Returns a
 * promise only when a credential provider does: a plain credential costs the call no extra turn.
 */
export function applySecurity(
  operationId: string,
  alternatives: readonly (readonly string[])[],
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  credentials: Readonly<Record<string, Credential<string> | Credential<BasicCredentials> | undefined>>,
): AppliedAuth | Promise<AppliedAuth> {
  if (alternatives.length === 0) return NO_AUTH;
  const usable = alternatives.find((alt) =>
    alt.every((key) => credentials[key] !== undefined || schemes[key]?.type === "unsupported"),
  );
  if (!usable) {
    const wanted = alternatives.map((alt) => alt.join(" + ")).join(" or ");
    throw new RequestError(operationId, `needs credentials for ${wanted}; pass them in the client's \`auth\` option`);
  }
  const values = usable.map((key) => {
    const source = credentials[key];
    return source === undefined ? NOT_GIVEN : typeof source === "function" ? source() : source;
  });
  if (values.some(isThenable)) {
    return Promise.all(values).then((resolved) => applyValues(operationId, usable, schemes, resolved));
  }
  return applyValues(operationId, usable, schemes, values);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

function applyValues(
  operationId: string,
  keys: readonly string[],
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  values: readonly unknown[],
): AppliedAuth {
  const applied: AppliedAuth = { headers: {}, query: {}, cookies: [] };
  keys.forEach((key, i) => {
    const scheme = schemes[key];
    const value = values[i];
    if (!scheme || scheme.type === "unsupported" || value === NOT_GIVEN) return;
    if (scheme.type === "basic") {
      const basic = value as BasicCredentials;
      const token = base64(`${basic.username}:${basic.password}`);
      applied.headers["Authorization"] = `Basic ${token}`;
    } else if (typeof value !== "string" || value === "") {
      throw new RequestError(operationId, `credential "${key}" must be a non-empty string`);
    } else if (scheme.type === "bearer") {
      applied.headers["Authorization"] = `Bearer ${value}`;
    } else if (scheme.in === "header") {
      applied.headers[scheme.name] = withPrefix(scheme.prefix, value);
    } else if (scheme.in === "query") {
      applied.query[scheme.name] = value;
    } else {
      applied.cookies.push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(value)}`);
    }
  });
  return applied;
}

/** `x-auth-prefix: Token` → `Token <key>`; a prefix that already ends in whitespace is used as written. */
function withPrefix(prefix: string | undefined, value: string): string {
  if (!prefix) return value;
  return /\s$/.test(prefix) ? `${prefix}${value}` : `${prefix} ${value}`;
}

/** UTF-8 base64 without Node's Buffer, so the runtime also works in browsers and workers. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
