/**
 * The mock's route table, read straight from the bundled document: unlike the client model it keeps every
 * parameter (auth and vendor headers included), because a server must check all of them.
 */
import { HTTP_METHODS, type HttpMethod } from "../load/openapi-types.js";
import { escapeSegment, follow, fragmentOf, getAt, isRecord } from "./pointer.js";
import type { SchemaRegistry } from "./schemas.js";

export interface MockParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** Fragment of the parameter's schema (or of its `content` media schema). */
  schema?: string;
  style?: string;
  explode?: boolean;
  /** The value is JSON text (`content: application/json` instead of `schema`). */
  json: boolean;
}

export interface MockMedia {
  mediaType: string;
  /** Fragment of the schema, when one is documented. */
  schema?: string;
  example?: unknown;
}

export interface MockResponseHeader {
  name: string;
  required: boolean;
  /** Fragment of the header's schema. */
  schema?: string;
  example?: unknown;
}

export interface MockResponse {
  status: string;
  content: MockMedia[];
  headers: MockResponseHeader[];
}

export type SecurityRequirement = Record<string, string[]>;

/** Cursor pagination as `x-pagination` declares it; pointers are into the response body. */
export interface MockPagination {
  cursorParam: string;
  cursorIn: "query" | "body";
  nextCursor: string;
  hasMore?: string;
}

export interface MockOperation {
  id: string;
  pagination?: MockPagination;
  method: HttpMethod;
  path: string;
  params: MockParameter[];
  body?: { required: boolean; content: MockMedia[] };
  responses: MockResponse[];
  security: SecurityRequirement[];
}

export interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  operations: Partial<Record<HttpMethod, MockOperation>>;
}

/** Routes, most specific template first (concrete segments win over templated ones, as OpenAPI requires). */
export function buildRoutes(
  doc: Record<string, unknown>,
  idOf?: (method: HttpMethod, path: string) => string | undefined,
): Route[] {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  const routes: Route[] = [];
  for (const template of Object.keys(paths).sort()) {
    const item = follow(doc, fragmentOf(["paths", template]));
    if (!isRecord(item.value)) continue;
    const route: Route = { template, ...compileTemplate(template), operations: {} };
    for (const method of HTTP_METHODS) {
      const op = item.value[method];
      if (!isRecord(op)) continue;
      const at = `${item.fragment}${fragmentOf([method])}`;
      const id =
        idOf?.(method, template) ?? (typeof op.operationId === "string" ? op.operationId : `${method} ${template}`);
      route.operations[method] = {
        id,
        method,
        path: template,
        params: parameters(doc, item.fragment, at),
        body: requestBody(doc, op, at),
        responses: responses(doc, op, at),
        security: security(op.security ?? doc.security),
        pagination: pagination(op["x-pagination"]),
      };
    }
    routes.push(route);
  }
  return routes.sort((a, b) => specificity(b) - specificity(a) || a.template.localeCompare(b.template));
}

function specificity(route: Route): number {
  return route.template.replace(/\{[^}]*\}/g, "").length * 100 - route.names.length;
}

function compileTemplate(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`), names };
}

function parameters(doc: unknown, itemAt: string, opAt: string): MockParameter[] {
  const byKey = new Map<string, MockParameter>();
  for (const owner of [itemAt, opAt]) {
    const list = getAt(doc, `${owner}/parameters`);
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => {
      const { value, fragment } = follow(doc, `${owner}/parameters/${index}`);
      if (!isRecord(value) || typeof value.name !== "string") return;
      const where = value.in;
      if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") return;
      const media = isRecord(value.content) ? Object.keys(value.content)[0] : undefined;
      const param: MockParameter = {
        name: value.name,
        in: where,
        required: value.required === true || where === "path",
        schema:
          value.schema !== undefined
            ? `${fragment}/schema`
            : media
              ? `${fragment}${fragmentOf(["content", media, "schema"])}`
              : undefined,
        style: typeof value.style === "string" ? value.style : undefined,
        explode: typeof value.explode === "boolean" ? value.explode : undefined,
        json: value.schema === undefined && media !== undefined,
      };
      byKey.set(`${where}:${where === "header" ? value.name.toLowerCase() : value.name}`, param);
    });
  }
  return [...byKey.values()];
}

function mediaList(doc: unknown, content: unknown, at: string): MockMedia[] {
  if (!isRecord(content)) return [];
  return Object.keys(content).map((mediaType) => {
    const mediaAt = `${at}${fragmentOf(["content", mediaType])}`;
    const media = getAt(doc, mediaAt);
    const record = isRecord(media) ? media : {};
    return {
      mediaType,
      schema: record.schema !== undefined ? `${mediaAt}/schema` : undefined,
      example: exampleOf(doc, record),
    };
  });
}

function exampleOf(doc: unknown, media: Record<string, unknown>): unknown {
  if (media.example !== undefined) return media.example;
  if (isRecord(media.examples)) {
    for (const name of Object.keys(media.examples)) {
      const example = media.examples[name];
      const resolved =
        isRecord(example) && typeof example.$ref === "string" ? getAt(doc, example.$ref.slice(1)) : example;
      if (isRecord(resolved) && resolved.value !== undefined) return resolved.value;
    }
  }
  return undefined;
}

function requestBody(doc: unknown, op: Record<string, unknown>, opAt: string): MockOperation["body"] {
  if (op.requestBody === undefined) return undefined;
  const { value, fragment } = follow(doc, `${opAt}/requestBody`);
  if (!isRecord(value)) return undefined;
  return { required: value.required === true, content: mediaList(doc, value.content, fragment) };
}

function responses(doc: unknown, op: Record<string, unknown>, opAt: string): MockResponse[] {
  if (!isRecord(op.responses)) return [];
  return Object.keys(op.responses)
    .sort()
    .map((status) => {
      const { value, fragment } = follow(doc, `${opAt}${fragmentOf(["responses", status])}`);
      if (!isRecord(value)) return { status, content: [], headers: [] };
      return {
        status,
        content: mediaList(doc, value.content, fragment),
        headers: responseHeaders(doc, value, fragment),
      };
    });
}

function responseHeaders(doc: unknown, response: Record<string, unknown>, at: string): MockResponseHeader[] {
  if (!isRecord(response.headers)) return [];
  return Object.keys(response.headers)
    .filter((name) => name.toLowerCase() !== "content-type")
    .map((name) => {
      const { value, fragment } = follow(doc, `${at}${fragmentOf(["headers", name])}`);
      const header = isRecord(value) ? value : {};
      return {
        name,
        required: header.required === true,
        schema: header.schema !== undefined ? `${fragment}/schema` : undefined,
        example: header.example,
      };
    });
}

function security(value: unknown): SecurityRequirement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((req) => {
    const out: SecurityRequirement = {};
    for (const [key, scopes] of Object.entries(req)) out[key] = Array.isArray(scopes) ? scopes.map(String) : [];
    return out;
  });
}

function pagination(value: unknown): MockPagination | undefined {
  if (!isRecord(value) || typeof value.cursorParam !== "string" || typeof value.nextCursor !== "string")
    return undefined;
  const pointer = (expr: unknown): string | undefined =>
    typeof expr === "string" ? expr.replace(/^\$response\.body#?/, "") : undefined;
  return {
    cursorParam: value.cursorParam,
    cursorIn: value.cursorIn === "body" ? "body" : "query",
    nextCursor: pointer(value.nextCursor) ?? "",
    hasMore: pointer(value.hasMore),
  };
}

/** Compiles every validator the routes can need (the same checks, with the same cache keys, the handler uses). */
export function warm(registry: SchemaRegistry, routes: Route[]): void {
  for (const op of routes.flatMap((r) => Object.values(r.operations))) {
    for (const param of op.params) {
      if (param.schema)
        registry.check(param.schema, {
          direction: "request",
          coerce: !param.json,
          prefix: `/${param.in === "header" ? "headers" : param.in}/${escapeSegment(param.name)}`,
        });
    }
    for (const media of op.body?.content ?? []) {
      if (media.schema) registry.check(media.schema, { direction: "request", coerce: false, prefix: "/body" });
    }
    for (const media of op.responses.flatMap((r) => r.content)) {
      if (media.schema) registry.check(media.schema, { direction: "response", prefix: "" });
    }
  }
}
