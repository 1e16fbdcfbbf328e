/**
 * The URL, header parameters and Cookie header of one call, each serialised by its parameter's style
 * (params.ts). Parameter specs are looked up once per operation and cached.
 */
import { buildPath, headerString } from "./encode.js";
import type { OperationSpec } from "./options.js";
import { serialiseCookie, serialiseHeader, serialiseQuery, type ParamLocation, type ParamSpec } from "./params.js";

type SpecTable = Record<ParamLocation, Map<string, ParamSpec>>;

const tables = new WeakMap<OperationSpec, SpecTable>();

function specsOf(op: OperationSpec): SpecTable {
  let table = tables.get(op);
  if (!table) {
    table = { path: new Map(), query: new Map(), header: new Map(), cookie: new Map() };
    for (const spec of op.params ?? []) {
      table[spec.in].set(spec.in === "header" ? spec.name.toLowerCase() : spec.name, spec);
    }
    tables.set(op, table);
  }
  return table;
}

export function buildUrl(
  op: OperationSpec,
  baseUrl: string,
  path: Record<string, unknown>,
  query: Record<string, unknown>,
  authQuery: Record<string, string>,
): string {
  const specs = specsOf(op);
  let url = (baseUrl.endsWith("/") ? baseUrl.slice(0, -1) : baseUrl) + buildPath(op.id, op.path, path, specs.path);
  const parts: string[] = [];
  const add = (source: Record<string, unknown>): void => {
    for (const name in source) {
      const value = source[name];
      if (value === undefined) continue;
      const spec = specs.query.get(name);
      // The common case (a default-style scalar): `name=value`, both percent-encoded, without building a spec.
      const text =
        spec === undefined && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
          ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
          : serialiseQuery(spec ?? { in: "query", name }, value);
      if (text !== "") parts.push(text);
    }
  };
  add(query);
  add(authQuery);
  if (parts.length > 0) url += `?${parts.join("&")}`;
  return url;
}

/** Header parameters by style; undeclared extra headers as plain text. */
export function headerParams(op: OperationSpec, values: Record<string, unknown>): [string, string | undefined][] {
  const specs = specsOf(op).header;
  return Object.entries(values).map(([name, value]) => {
    if (value === undefined || value === null) return [name, undefined];
    const spec = specs.get(name.toLowerCase());
    return [name, spec ? serialiseHeader(spec, value) : headerString(value)];
  });
}

/** Cookie parameters (form style, percent-encoded) beside cookie credentials, as one header value. */
export function cookieHeader(op: OperationSpec, values: Record<string, unknown>, auth: string[]): string | undefined {
  const specs = specsOf(op).cookie;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    pairs.push(...serialiseCookie(specs.get(name) ?? { in: "cookie", name }, value));
  }
  pairs.push(...auth);
  return pairs.length > 0 ? pairs.join("; ") : undefined;
}
