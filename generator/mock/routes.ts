/**
 * The mock's route table, built from the model: unlike the client's view of it, the mock keeps every parameter
 * (auth and vendor headers included), because a server must check all of them.
 */
import { HTTP_METHODS, type HttpMethod } from "../load/openapi-types.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import { getAt, isRecord, refSegments } from "../openapi/pointer.js";
import { parameters, requestBody, responses, security } from "./operation-parts.js";
import type { MockOperation } from "./operation-types.js";

export interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  operations: Partial<Record<HttpMethod, MockOperation>>;
}

/**
 * Routes from the model's operations, most specific template first (concrete segments win over templated ones, as
 * OpenAPI requires). Ids, pagination and the operation set are the model's, so the mock agrees with the client
 * and the docs; parameters, bodies and responses are read at each operation's location (operation-parts.ts).
 */
export function buildRoutes(model: ApiModel): Route[] {
  const doc = model.document;
  const byTemplate = new Map<string, Route>();
  // Methods in HTTP_METHODS order, then OpenAPI 3.2 `additionalOperations` as documented: `Allow` lists them so.
  const rank = (method: HttpMethod) => {
    const known = HTTP_METHODS.indexOf(method);
    return known >= 0 ? known : HTTP_METHODS.length;
  };
  const ordered = model.operations
    .map((op, index) => ({ op, index }))
    .sort(
      (a, b) =>
        rank(a.op.method) - rank(b.op.method) || documented(doc, a.op) - documented(doc, b.op) || a.index - b.index,
    )
    .map(({ op }) => op);
  for (const op of ordered) {
    let route = byTemplate.get(op.path);
    if (route === undefined) {
      route = { template: op.path, ...compileTemplate(op.path), operations: {} };
      byTemplate.set(op.path, route);
    }
    const { operation: at, pathItem } = op.location;
    const raw = getAt(doc, at);
    const value = isRecord(raw) ? raw : {};
    route.operations[op.method] = {
      id: op.id,
      method: op.method,
      path: op.path,
      params: parameters(doc, pathItem, at),
      body: requestBody(doc, value, at),
      responses: responses(doc, value, at),
      security: security(value.security ?? doc.security),
      pagination: op.pagination,
    };
  }
  const routes = [...byTemplate.values()];
  return routes.sort((a, b) => specificity(b) - specificity(a) || a.template.localeCompare(b.template));
}

/** Position of an `additionalOperations` entry in its path item (0 for the fixed methods). */
function documented(doc: unknown, op: OperationModel): number {
  const segments = refSegments(op.location.operation);
  if (segments.at(-2) !== "additionalOperations") return 0;
  const extra = getAt(doc, `${op.location.pathItem}/additionalOperations`);
  return isRecord(extra) ? Object.keys(extra).indexOf(segments.at(-1)!) : 0;
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
