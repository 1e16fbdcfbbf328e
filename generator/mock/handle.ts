/** One request through the mock: route, check (size, auth, parameters, content type, body), then reply. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpMethod, OpenApiDocument } from "../load/openapi-types.js";
import { checkSecurity, parseCookies, type AcceptedCredentials } from "./auth.js";
import { BodyError } from "./media.js";
import { checkBody, type CheckedBody } from "./request-body.js";
import { eventStreamFor, sendEvents } from "./events.js";
import { pageAsked } from "./paginate.js";
import { checkParameters } from "./params.js";
import { buildReply, responseFor, successStatus } from "./respond.js";
import type { MockOperation } from "./operation-types.js";
import type { Route } from "./routes.js";
import type { SchemaRegistry } from "./schemas.js";
import { readBody } from "./read-body.js";
import { refuse } from "./refuse.js";
import { sendError, sendReply } from "./send.js";

export interface MockContext {
  doc: OpenApiDocument;
  registry: SchemaRegistry;
  routes: Route[];
  basePath: string;
  bodyLimit: number;
  log: (line: string) => void;
  credentials?: AcceptedCredentials | undefined;
  seed?: number;
  /** Resource paths a successful DELETE answered, so a later read is 404 where the document allows one. */
  deleted?: Set<string>;
}

const MAX_DELETED = 10_000;

export async function handle(ctx: MockContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://mock.invalid");
  } catch {
    return sendError(res, 400, "the request target is not a valid URL");
  }
  const method = (req.method ?? "GET").toLowerCase();
  if (method === "options" && req.headers["access-control-request-method"]) return preflight(res);
  const found = route(ctx, url.pathname);
  if (typeof found === "string") return sendError(res, found.startsWith("invalid") ? 400 : 404, found);
  const op =
    found.route.operations[method as HttpMethod] ?? (method === "head" ? found.route.operations.get : undefined);
  if (!op) {
    const allow = Object.keys(found.route.operations).map((m) => m.toUpperCase());
    return sendError(
      res,
      405,
      `${method.toUpperCase()} is not documented for ${found.route.template}; allowed: ${allow.join(", ")}`,
      [],
      {
        allow: allow.join(", "),
      },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req, ctx.bodyLimit);
  } catch (error) {
    if (error instanceof BodyError) {
      return refuse(ctx.registry, res, op, error.status, error.message, [], { connection: "close" });
    }
    throw error;
  }
  const cookies = parseCookies(req.headers.cookie);
  const unauthorised = checkSecurity(
    ctx.doc,
    op.security,
    { headers: req.headers, query: url.searchParams, cookies },
    ctx.credentials,
  );
  if (unauthorised) return refuse(ctx.registry, res, op, 401, `unauthorised: ${unauthorised}`);
  const issues = checkParameters(op.params, ctx.registry, {
    path: found.params,
    rawPath: found.raw,
    search: url.search,
    query: url.searchParams,
    headers: req.headers,
    cookies,
  });
  let body: CheckedBody;
  try {
    body = await checkBody(ctx.registry, op, req.headers["content-type"], bytes, issues);
  } catch (error) {
    if (error instanceof BodyError) return refuse(ctx.registry, res, op, error.status, error.message);
    throw error;
  }
  if (issues.length > 0) {
    return refuse(ctx.registry, res, op, 400, `the request does not match ${op.id} in the document`, issues);
  }
  let status = requestedStatus(op, req.headers["x-mock-status"]);
  if (typeof status === "string") return sendError(res, 400, status);
  status = afterDelete(ctx, method, url.pathname, op, status, req.headers["x-mock-status"] !== undefined);
  const invalid = /^(1|true|yes)$/i.test(String(req.headers["x-mock-invalid"] ?? ""));
  const stream = eventStreamFor(op, status, req.headers.accept);
  if (stream) return sendEvents(ctx.registry, req, res, op, stream);
  const reply = buildReply(ctx.registry, op, status, {
    pathParams: found.params,
    page: op.pagination ? pageAsked(op.pagination, requestUrl(req, url), body.value) : undefined,
    body: body.value,
    ...(body.bytes ? { bytes: body.bytes, bytesType: body.mediaType } : {}),
    accept: req.headers.accept,
    invalid,
    seed: ctx.seed,
  });
  sendReply(res, reply, op.id);
}

/** The URL as the client addressed it (its Host), so next-page URLs lead back here. */
function requestUrl(req: IncomingMessage, url: URL): URL {
  try {
    return new URL(`${url.pathname}${url.search}`, `http://${req.headers.host ?? "127.0.0.1"}`);
  } catch {
    return url;
  }
}

function route(
  ctx: MockContext,
  pathname: string,
): { route: Route; params: Record<string, string>; raw: Record<string, string> } | string {
  const base = ctx.basePath;
  if (base && pathname !== base && !pathname.startsWith(`${base}/`)) {
    return `no operation at ${pathname}: every path of this API starts with the base path ${base}`;
  }
  const rest = pathname.slice(base.length) || "/";
  for (const candidate of ctx.routes) {
    const match = candidate.pattern.exec(rest);
    if (!match) continue;
    const params: Record<string, string> = {};
    const raw: Record<string, string> = {};
    try {
      candidate.names.forEach((name, i) => {
        raw[name] = match[i + 1] ?? "";
        params[name] = decodeURIComponent(raw[name]);
      });
    } catch {
      return `invalid percent-encoding in a path parameter of ${candidate.template}`;
    }
    return { route: candidate, params, raw };
  }
  const near = ctx.routes.find((r) => r.pattern.test(rest.endsWith("/") ? rest.slice(0, -1) : `${rest}/`));
  const hint = near ? ` (did you mean ${near.template}? the trailing slash matters)` : "";
  return `no operation at ${pathname}${hint}`;
}

/** A deleted resource stays gone: reads answer 404 when documented; the path is remembered on a 2xx DELETE. */
function afterDelete(
  ctx: MockContext,
  method: string,
  path: string,
  op: MockOperation,
  status: number,
  forced: boolean,
): number {
  if (!ctx.deleted || forced) return status;
  if (method === "delete" && status >= 200 && status < 300) {
    if (ctx.deleted.size >= MAX_DELETED) ctx.deleted.clear();
    ctx.deleted.add(path);
    return status;
  }
  const documented404 = op.responses.some((r) => r.status === "404");
  return (method === "get" || method === "head") && documented404 && ctx.deleted.has(path) ? 404 : status;
}

function requestedStatus(op: MockOperation, header: string | string[] | undefined): number | string {
  if (header === undefined) return successStatus(op);
  const text = Array.isArray(header) ? (header[0] ?? "") : header;
  const status = Number(text);
  if (!Number.isInteger(status) || status < 100 || status > 599)
    return `x-mock-status must be an HTTP status (100-599), got "${text}"`;
  if (!responseFor(op, status)) {
    return `x-mock-status ${status} is not documented for ${op.id}; documented: ${op.responses.map((r) => r.status).join(", ")}`;
  }
  return status;
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    "access-control-allow-headers": "*",
    "access-control-max-age": "600",
  });
  res.end();
}
