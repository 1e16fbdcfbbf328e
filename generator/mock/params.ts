/** Reads path, query, header and cookie parameters from a request and validates them against their schemas. */
import type { IncomingHttpHeaders } from "node:http";
import { escapeSegment, follow, isRecord } from "../openapi/pointer.js";
import type { MockParameter } from "./operation-types.js";
import type { Issue, SchemaRegistry } from "./schemas.js";
import { BodyError } from "./body-error.js";
import { assertJsonDepth } from "./limits.js";
import { parseForm } from "./media.js";
import {
  parseHeader,
  parsePath,
  parseQuery,
  queryPairs,
  type ParamSpec,
  type Parsed,
  type ValueKind,
} from "../runtime/params.js";

export interface ParameterInput {
  path: Record<string, string>;
  /** Path parameters as sent (still percent-encoded), read by their style. */
  rawPath?: Record<string, string>;
  /** The raw query string (`?a=1`), read by each parameter's style. */
  search?: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  cookies: Map<string, string>;
}

/** OpenAPI: header parameters with these names are ignored (the body, Accept and security govern them). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export function checkParameters(params: MockParameter[], registry: SchemaRegistry, input: ParameterInput): Issue[] {
  const issues: Issue[] = [];
  const queryNames = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  for (const param of params) {
    if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
    const at = `/${param.in === "header" ? "headers" : param.in}/${escapeSegment(param.name)}`;
    const schema = param.schema ? follow(registry.document, param.schema).value : undefined;
    const styled = styledValue(param, kindOfSchema(schema), input, queryNames);
    if (styled !== undefined && "error" in styled) {
      issues.push({ path: at, keyword: "style", message: `${param.in} parameter ${styled.error}` });
      continue;
    }
    let raw: unknown;
    try {
      raw = styled ? styled.value : rawValue(param, isArraySchema(schema), input);
      if (param.json && raw !== undefined) assertJsonDepth(String(raw), `the ${param.in} parameter ${param.name}`);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      issues.push({ path: at, keyword: "limit", message: error.message });
      continue;
    }
    if (raw === undefined) {
      if (param.required)
        issues.push({ path: at, keyword: "required", message: `required ${param.in} parameter is missing` });
      continue;
    }
    if (!param.schema) continue;
    let value: unknown = raw;
    if (param.json) {
      try {
        value = JSON.parse(String(raw)) as unknown;
      } catch {
        issues.push({ path: at, keyword: "content", message: "must be JSON text" });
        continue;
      }
    }
    issues.push(
      ...registry.check(param.schema, { direction: "request", coerce: !param.json, prefix: at }).run(value).issues,
    );
  }
  return issues;
}

function kindOfSchema(schema: unknown): ValueKind {
  if (!isRecord(schema)) return "scalar";
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (types.includes("array")) return "array";
  if (types.includes("object") || (schema.type === undefined && isRecord(schema.properties))) return "object";
  return "scalar";
}

/**
 * Path and query parameters are read by their style through the client's own serialiser rules
 * (runtime/params.ts), so a wrong form (`ids=1&ids=2` for `explode: false`) is refused. deepObject queries stay on
 * the bounded form parser below. Undefined: not handled here (or absent).
 */
function styledValue(
  param: MockParameter,
  kind: ValueKind,
  input: ParameterInput,
  queryNames: ReadonlySet<string>,
): Parsed {
  // `content` (JSON) parameters keep the depth-checked JSON path below.
  if (param.json) return undefined;
  const spec: ParamSpec = {
    in: param.in,
    name: param.name,
    ...(param.style !== undefined ? { style: param.style } : {}),
    ...(param.explode !== undefined ? { explode: param.explode } : {}),
  };
  if (param.in === "path") {
    const raw = input.rawPath?.[param.name];
    return raw === undefined ? undefined : parsePath(spec, kind, raw);
  }
  if (param.in === "query" && input.search !== undefined && param.style !== "deepObject") {
    const others = new Set([...queryNames].filter((n) => n !== param.name));
    const parsed = parseQuery(spec, kind, queryPairs(input.search), others);
    // Clients commonly send `ids[]=a&ids[]=b` for arrays: still accepted for the default (form, exploded) style.
    return parsed === undefined && kind === "array" && param.style === undefined && param.explode === undefined
      ? undefined
      : (parsed ?? { value: undefined });
  }
  if (param.in === "header" && (param.style !== undefined || param.explode !== undefined || kind === "object")) {
    const value = input.headers[param.name.toLowerCase()];
    const text = Array.isArray(value) ? value.join(",") : value;
    return text === undefined ? { value: undefined } : parseHeader(spec, kind, text);
  }
  return undefined;
}

function isArraySchema(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  return schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
}

const DELIMITERS: Record<string, string> = { form: ",", simple: ",", spaceDelimited: " ", pipeDelimited: "|" };

function rawValue(param: MockParameter, isArray: boolean, input: ParameterInput): unknown {
  switch (param.in) {
    case "path":
      return input.path[param.name];
    case "cookie":
      return input.cookies.get(param.name);
    case "header": {
      const value = input.headers[param.name.toLowerCase()];
      const text = Array.isArray(value) ? value.join(",") : value;
      return text === undefined ? undefined : isArray ? text.split(",").map((s) => s.trim()) : text;
    }
    case "query": {
      if (param.style === "deepObject") return deepObject(param.name, input.query);
      const values = input.query.getAll(param.name);
      if (values.length === 0) {
        // Clients commonly send `ids[]=a&ids[]=b` for arrays.
        const bracketed = input.query.getAll(`${param.name}[]`);
        return bracketed.length > 0 ? bracketed : undefined;
      }
      if (!isArray) return values[0];
      const style = param.style ?? "form";
      const explode = param.explode ?? style === "form";
      return explode ? values : values[0]!.split(DELIMITERS[style] ?? ",");
    }
  }
}

function deepObject(name: string, query: URLSearchParams): unknown {
  const prefix = `${name}[`;
  const parts: string[] = [];
  for (const [key, value] of query) {
    if (key.startsWith(prefix)) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.length === 0 ? undefined : parseForm(parts.join("&"), `the deepObject parameter ${name}`)[name];
}
