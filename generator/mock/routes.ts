/**
 * The mock's route table, read straight from the bundled document: unlike the client model it keeps every
 * parameter (auth and vendor headers included), because a server must check all of them.
 */
import { HTTP_METHODS, type HttpMethod } from "../load/openapi-types.js";
import { parameters, pagination, requestBody, responses, security } from "./operation-parts.js";
import { follow, fragmentOf, isRecord } from "./pointer.js";

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
  /** Fragment of the OpenAPI 3.2 `itemSchema` (sequential media types such as `text/event-stream`). */
  itemSchema?: string;
  example?: unknown;
  /** The `encoding` object (multipart and form request bodies). */
  encoding?: Record<string, unknown>;
}

export interface MockResponseHeader {
  name: string;
  required: boolean;
  /** Fragment of the header's schema (a `content` header: its media type's schema). */
  schema?: string;
  example?: unknown;
  explode?: boolean;
  /** A `content` header: the value is sent as JSON. */
  json?: boolean;
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
    // OpenAPI 3.2: `additionalOperations` are routed by their method, lower-cased like the others.
    const value = item.value;
    const extra = isRecord(value.additionalOperations) ? value.additionalOperations : {};
    const methods: [HttpMethod, unknown, string[]][] = [
      ...HTTP_METHODS.map((m): [HttpMethod, unknown, string[]] => [m, value[m], [m]]),
      ...Object.entries(extra)
        .filter(([name]) => !HTTP_METHODS.includes(name.toLowerCase() as HttpMethod))
        .map(([name, op]): [HttpMethod, unknown, string[]] => [
          name.toLowerCase() as HttpMethod,
          op,
          ["additionalOperations", name],
        ]),
    ];
    for (const [method, op, segments] of methods) {
      if (!isRecord(op)) continue;
      const at = `${item.fragment}${fragmentOf(segments)}`;
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
