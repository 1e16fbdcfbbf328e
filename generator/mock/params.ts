/** Reads path, query, header and cookie parameters from a request and validates them against their schemas. */
import type { IncomingHttpHeaders } from "node:http";
import { escapeSegment, follow, isRecord } from "./pointer.js";
import type { MockParameter } from "./routes.js";
import type { Issue, SchemaRegistry } from "./schemas.js";
import { BodyError } from "./body-error.js";
import { assertJsonDepth } from "./limits.js";
import { parseForm } from "./media.js";

export interface ParameterInput {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  cookies: Map<string, string>;
}

/** OpenAPI: header parameters with these names are ignored (the body, Accept and security govern them). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export function checkParameters(params: MockParameter[], registry: SchemaRegistry, input: ParameterInput): Issue[] {
  const issues: Issue[] = [];
  for (const param of params) {
    if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
    const at = `/${param.in === "header" ? "headers" : param.in}/${escapeSegment(param.name)}`;
    const schema = param.schema ? follow(registry.document, param.schema).value : undefined;
    let raw: unknown;
    try {
      raw = rawValue(param, isArraySchema(schema), input);
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
