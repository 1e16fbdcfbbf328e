/**
 * Checks across requests. Resources: OpenAPI `links` from a create answer, or, where there are none, create →
 * read → delete inferred from paths (`POST /things` → `GET|DELETE /things/{id}`) and the id found in the body;
 * a created resource must be readable (`ensure_resource_availability`), a deleted one gone (`use_after_free`).
 * Pagination: the cursor is followed to the last page and one step beyond.
 */
import { follow, fragmentOf, getAt, isRecord } from "../openapi/pointer.js";
import type { MockOperation } from "../mock/operation-types.js";
import { factoryFor, fail, wire, type RunContext } from "./context.js";
import { probe } from "./positive.js";
import type { Parts, WireRequest } from "./types.js";

export interface Resource {
  create: MockOperation;
  read?: MockOperation;
  remove?: MockOperation;
  /** Path parameter of the item operations that carries the id, and where the id is in the create answer. */
  param: string;
  idPointer?: string;
}

function linksOf(
  doc: Record<string, unknown>,
  op: MockOperation,
): { operationId: string; param: string; pointer?: string }[] {
  const out: { operationId: string; param: string; pointer?: string }[] = [];
  const responses = getAt(doc, fragmentOf(["paths", op.path, op.method, "responses"]));
  if (!isRecord(responses)) return out;
  for (const status of Object.keys(responses).filter((s) => s.startsWith("2"))) {
    const response = follow(doc, fragmentOf(["paths", op.path, op.method, "responses", status])).value;
    const links = isRecord(response) && isRecord(response.links) ? response.links : {};
    for (const raw of Object.values(links)) {
      const link = isRecord(raw) && typeof raw.$ref === "string" ? getAt(doc, raw.$ref.slice(1)) : raw;
      if (!isRecord(link) || typeof link.operationId !== "string" || !isRecord(link.parameters)) continue;
      for (const [param, expression] of Object.entries(link.parameters)) {
        const pointer = typeof expression === "string" ? /^\$response\.body#(.*)$/.exec(expression)?.[1] : undefined;
        out.push({ operationId: link.operationId, param: param.replace(/^path\./, ""), pointer });
      }
    }
  }
  return out;
}

/** Resources from links first, then from the path shape. */
export function resources(doc: Record<string, unknown>, ops: MockOperation[]): Resource[] {
  const out: Resource[] = [];
  for (const create of ops.filter((op) => op.method === "post")) {
    const links = linksOf(doc, create);
    const linked = (method: string) => {
      const link = links.find((l) => ops.some((o) => o.id === l.operationId && o.method === method));
      return link ? { op: ops.find((o) => o.id === link.operationId)!, link } : undefined;
    };
    const read = linked("get");
    if (read) {
      const remove = ops.find((o) => o.method === "delete" && o.path === read.op.path);
      out.push({ create, read: read.op, remove, param: read.link.param, idPointer: read.link.pointer });
      continue;
    }
    const base = create.path.replace(/\/$/, "");
    const item = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\{([^}/]+)\\}/?$`);
    const itemOps = ops.filter((o) => item.test(o.path));
    const param = itemOps[0] ? item.exec(itemOps[0].path)![1]! : undefined;
    if (!param) continue;
    out.push({
      create,
      read: itemOps.find((o) => o.method === "get"),
      remove: itemOps.find((o) => o.method === "delete"),
      param,
    });
  }
  return out;
}

/** The created resource's id: at the link's pointer, else a member named like the parameter or `id`, near the root. */
export function idOf(body: unknown, resource: Resource): unknown {
  if (resource.idPointer !== undefined) return getAt(body, resource.idPointer);
  const names = [resource.param, "id"];
  const queue: unknown[] = [body];
  for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
    for (const node of queue.splice(0)) {
      if (!isRecord(node)) continue;
      for (const name of names) if (typeof node[name] === "string" || typeof node[name] === "number") return node[name];
      queue.push(...Object.values(node).filter(isRecord));
    }
  }
  return undefined;
}

function withId(ctx: RunContext, op: MockOperation, param: string, id: unknown): Parts | undefined {
  const base = factoryFor(ctx, op).base(ctx.seed);
  return base ? { ...base, path: { ...base.path, [param]: id } } : undefined;
}

export interface Lifecycle {
  /** Why `ensure_resource_availability` / `use_after_free` could not run, when they could not. */
  availability?: string;
  afterFree?: string;
}

/** Runs one resource's lifecycle: create, read, delete, read again. */
export async function lifecycle(ctx: RunContext, resource: Resource): Promise<Lifecycle> {
  const why = await steps(ctx, resource);
  return typeof why === "string" ? { availability: why, afterFree: why } : why;
}

async function steps(ctx: RunContext, resource: Resource): Promise<Lifecycle | string> {
  const createParts = factoryFor(ctx, resource.create).base(ctx.seed);
  if (!createParts) return `no valid request could be built for ${resource.create.id}`;
  const createRequest = wire(ctx, resource.create, createParts);
  const created = await probe(ctx, resource.create, createRequest);
  report(ctx, resource.create, created, [createRequest]);
  const status = created.exchange?.status ?? 0;
  if (status < 200 || status >= 300) return `${resource.create.id} answered ${status}`;
  let body: unknown;
  try {
    body = JSON.parse(created.exchange!.text) as unknown;
  } catch {
    return `${resource.create.id} answered no JSON body to find the id in`;
  }
  const id = idOf(body, resource);
  if (id === undefined) return `no id found in the ${resource.create.id} answer`;
  const done: WireRequest[] = [createRequest];
  if (resource.read) {
    const parts = withId(ctx, resource.read, resource.param, id);
    if (!parts) return `no valid request could be built for ${resource.read.id}`;
    const request = wire(ctx, resource.read, parts);
    const read = await probe(ctx, resource.read, request);
    report(ctx, resource.read, read, [...done, request]);
    const code = read.exchange?.status ?? 0;
    if (code < 200 || code >= 300)
      fail(
        ctx,
        resource.read,
        "ensure_resource_availability",
        `created by ${resource.create.id} (id ${JSON.stringify(id)}), then read: ${code}`,
        [...done, request],
        { status: code },
      );
  }
  const ran: Lifecycle = resource.read ? {} : { availability: "no read operation for the created resource" };
  if (!resource.remove) return ran;
  if (!resource.read) return { ...ran, afterFree: "no read operation to look for the deleted resource" };
  if (!documentsGone(resource.read))
    return { ...ran, afterFree: `${resource.read.id} documents no 404/410, so "gone" cannot be told apart` };
  if (!ctx.sender.open) return { ...ran, afterFree: "request budget spent" };
  const removeParts = withId(ctx, resource.remove, resource.param, id);
  if (!removeParts) return { ...ran, afterFree: `no valid request could be built for ${resource.remove.id}` };
  const removeRequest = wire(ctx, resource.remove, removeParts);
  const removed = await probe(ctx, resource.remove, removeRequest);
  report(ctx, resource.remove, removed, [...done, removeRequest]);
  const removedStatus = removed.exchange?.status ?? 0;
  done.push(removeRequest);
  if (removedStatus < 200 || removedStatus >= 300)
    return { ...ran, afterFree: `${resource.remove.id} answered ${removedStatus}` };
  const parts = withId(ctx, resource.read, resource.param, id)!;
  const request = wire(ctx, resource.read, parts);
  const after = await probe(ctx, resource.read, request);
  // A 404 for a deleted resource is the point: only crashes and undocumented answers are reported here.
  report(ctx, resource.read, after, [...done, request]);
  const code = after.exchange?.status ?? 0;
  if (code !== 404 && code !== 410)
    fail(
      ctx,
      resource.read,
      "use_after_free",
      `deleted by ${resource.remove.id} (${removedStatus}), then read: ${code}, expected 404 or 410`,
      [...done, request],
      { status: code },
    );
  return ran;
}

/** Response-check findings of a lifecycle step, with every step so far as the reproduction. */
function report(
  ctx: RunContext,
  op: MockOperation,
  outcome: Awaited<ReturnType<typeof probe>>,
  requests: WireRequest[],
): void {
  for (const f of outcome.findings)
    if (f.check !== "positive_data_acceptance")
      fail(ctx, op, f.check, `in the resource lifecycle: ${f.message}`, requests, { status: outcome.exchange?.status });
}

function documentsGone(op: MockOperation): boolean {
  return op.responses.some((r) => ["404", "410", "4XX", "4xx", "default"].includes(r.status));
}

const MAX_PAGES = 50;

/** Follows the cursor from the first page to the last, then once beyond it when the last page still names one. */
export async function paging(ctx: RunContext, op: MockOperation): Promise<string | undefined> {
  // Cursor walks only: the other styles are walked by the generated client's paginate() (test/mock/pagination).
  const pagination = op.pagination;
  if (pagination?.style !== "cursor") return undefined;
  const base = factoryFor(ctx, op).base(ctx.seed);
  if (!base) return `no valid request could be built for ${op.id}`;
  const at = (parts: Parts, cursor: string | undefined): Parts => {
    if (pagination.cursorIn === "query") {
      const query = { ...parts.query };
      if (cursor === undefined) delete query[pagination.cursorParam];
      else query[pagination.cursorParam] = cursor;
      return { ...parts, query };
    }
    const body = { ...(isRecord(parts.body) ? parts.body : {}) };
    if (cursor === undefined) delete body[pagination.cursorParam];
    else body[pagination.cursorParam] = cursor;
    return { ...parts, body };
  };
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; page <= MAX_PAGES + 1 && ctx.sender.open; page++) {
    const request = wire(ctx, op, at(base, cursor));
    const { exchange, findings } = await probe(ctx, op, request);
    const beyond = cursor !== undefined && seen.has(`last:${cursor}`);
    for (const f of findings)
      fail(ctx, op, f.check, `page ${page}${beyond ? " (one beyond the last)" : ""}: ${f.message}`, [request], {
        input: at(base, cursor),
        status: exchange?.status,
      });
    if (!exchange || exchange.status >= 300 || beyond) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(exchange.text) as unknown;
    } catch {
      return undefined;
    }
    const next = getAt(body, pagination.nextCursor);
    const more = pagination.hasMore ? getAt(body, pagination.hasMore) : typeof next === "string" && next !== "";
    if (typeof next !== "string" || next === "") return undefined;
    if (more === false) {
      // The last page still names a cursor: one step beyond must be answered sensibly (not a 5xx).
      seen.add(`last:${next}`);
    } else if (seen.has(next)) {
      fail(ctx, op, "pagination", `page ${page} repeats the cursor ${JSON.stringify(next)}: the pages loop`, [request]);
      return undefined;
    }
    seen.add(next);
    cursor = next;
  }
  return `stopped after ${MAX_PAGES} pages without reaching the last one`;
}
