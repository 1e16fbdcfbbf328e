/**
 * The factories of one operation. Arguments are the client method's own parameters (`Parameters<…>`), so the
 * factories never restate how the client types paths, bodies or options; the call always passes
 * `throwOnError: true` and `parseAs: "auto"`, so the data type is the operation's parsed success body and HTTP errors
 * reject (which is what TanStack Query expects).
 */
import type { OperationModel, PaginationModel } from "../../model/types.js";
import { claimName } from "../../openapi/names.js";
import { EMPTY, join, ts, type Code, type Imports } from "../code.js";
import { docComment, identifier, propertyAccess, propertyKey, stringLiteral } from "../safe.js";
import type { ClientMethod } from "./names.js";

export interface OperationContext {
  imports: Imports;
  api: Code;
  /** `PylonClient<boolean>` */
  clientType: Code;
}

interface Parts {
  /** `client.contacts.get` */
  call: Code;
  /** `Parameters<PylonClient<boolean>["contacts"]["get"]>` */
  args: Code;
  /** `[id, body, options]`: names for the positional arguments, options last. */
  names: Code[];
  key: Code;
}

function parts(op: OperationModel, method: ClientMethod, ctx: OperationContext): Parts {
  const path = method.group === undefined ? [method.name] : [method.group, method.name];
  const memberType = join(
    path.map((p) => ts`[${stringLiteral(p)}]`),
    "",
  );
  const taken = new Set(["client", "args", "options", "signal", "pageParam", "queryKey", "queryFn"]);
  // The shared numbering rule; digits appended to an identifier keep it one.
  const names = op.pathParams.map((p) => identifier(claimName(taken, identifier(p.identifier))));
  if (op.requestBody) names.push(ts`body`);
  names.push(ts`options`);
  return {
    call: ts`client${join(path.map(propertyAccess), "")}`,
    args: ts`Parameters<${ctx.clientType}${memberType}>`,
    names,
    key: stringLiteral(op.id),
  };
}

/** The call with the options the factory controls; `extra` adds members (signal, the page's query/body). */
function invoke(p: Parts, extra: Code, body?: Code): Code {
  const positional = p.names.slice(0, -1);
  if (body !== undefined) positional[positional.length - 1] = body;
  const options = ts`{ ...options, ${extra}throwOnError: true, parseAs: "auto" }`;
  return ts`${p.call}(${join([...positional, options], ", ")})`;
}

function queryFactory(op: OperationModel, p: Parts, ctx: OperationContext): Code {
  const name = ts`${identifier(op.identifier)}QueryOptions`;
  const dataTag = ctx.imports.type("@tanstack/query-core", "DataTag");
  return ts`${docComment(`Query options for \`${op.method.toUpperCase()} ${op.path}\` (${op.id}): pass to fetchQuery, useQuery…; the key holds every argument.`)}export function ${name}(client: ${ctx.clientType}, ...args: ${p.args}) {
  const [${join(p.names, ", ")}] = args;
  const queryKey = [${ctx.api}, ${p.key}, ...args] as const;
  const queryFn = ({ signal }: { signal: AbortSignal }) => ${invoke(p, ts`signal, `)};
  return { queryKey: queryKey as ${dataTag}<typeof queryKey, Awaited<ReturnType<typeof queryFn>>>, queryFn };
}
`;
}

function mutationFactory(op: OperationModel, p: Parts, ctx: OperationContext): Code {
  const name = ts`${identifier(op.identifier)}MutationOptions`;
  return ts`${docComment(`Mutation options for \`${op.method.toUpperCase()} ${op.path}\` (${op.id}): the variables are the client method's arguments as a tuple.`)}export function ${name}(client: ${ctx.clientType}) {
  return {
    mutationKey: [${ctx.api}, ${p.key}] as const,
    mutationFn: (args: ${p.args}) => {
      const [${join(p.names, ", ")}] = args;
      return ${invoke(p, EMPTY)};
    },
  };
}
`;
}

/**
 * How the next page is asked for and found, per pagination style. `link` and `nextUrl` follow URLs the client does
 * not expose as arguments, so they get no infinite query (the client's `…All` iterator covers them).
 */
function pageStep(
  pagination: PaginationModel,
  p: Parts,
  ctx: OperationContext,
): { call: Code; next: Code; params: Code; type: Code } | undefined {
  // Imported on first use: styles without an infinite query must not leave an unused import (noUnusedLocals).
  const read = (name: Code, pointer: string) =>
    ts`const ${name} = ${ctx.imports.value("./runtime/paginate.js", "atPointer")}(lastPage, ${stringLiteral(pointer)});\n      `;
  const hasMore = "hasMore" in pagination && pagination.hasMore !== undefined ? pagination.hasMore : undefined;
  const more = () => (hasMore === undefined ? EMPTY : read(ts`more`, hasMore));
  const moreTest = hasMore === undefined ? EMPTY : ts`more !== false && `;
  const items = () => read(ts`items`, pagination.items);
  const inQuery = (param: string) =>
    ts`signal, query: { ...options?.query, ...(pageParam === undefined ? {} : { ${propertyKey(param)}: pageParam }) }, `;
  const withLast = ts`lastPage: Page, _pages: unknown, lastPageParam: PageParam`;
  // Where the caller's own offset/page starts, as the client's pager reads it (runtime/paginate.ts).
  const start = (param: string, fallback: Code) =>
    ts`const start = Number(${ctx.imports.value("./runtime/paginate.js", "atPointer")}(options, ${stringLiteral(`/query/${param.replace(/~/g, "~0").replace(/\//g, "~1")}`)}) ?? ${fallback}) || ${fallback};\n      `;
  switch (pagination.style) {
    case "cursor": {
      if (pagination.cursorIn === "body" && !p.names.some((n) => n === "body")) return undefined;
      const next = ts`{
      ${more()}${read(ts`cursor`, pagination.nextCursor)}return ${moreTest}(typeof cursor === "string" || typeof cursor === "number") && cursor !== "" ? String(cursor) : undefined;
    }`;
      const params = ts`lastPage: Page`;
      if (pagination.cursorIn === "query")
        return { call: invoke(p, inQuery(pagination.cursorParam)), next, params, type: ts`string` };
      const body = ts`{ ...body, ...(pageParam === undefined ? {} : { ${propertyKey(pagination.cursorParam)}: pageParam }) }`;
      return { call: invoke(p, ts`signal, `, body), next, params, type: ts`string` };
    }
    case "offset": {
      const total = pagination.total ? read(ts`total`, pagination.total) : EMPTY;
      const totalTest = pagination.total ? ts` && !(typeof total === "number" && at + items.length >= total)` : EMPTY;
      const next = ts`{
      ${more()}${items()}${total}${start(pagination.offsetParam, ts`0`)}const at = lastPageParam ?? start;
      return ${moreTest}Array.isArray(items) && items.length > 0${totalTest} ? at + items.length : undefined;
    }`;
      return { call: invoke(p, inQuery(pagination.offsetParam)), next, params: withLast, type: ts`number` };
    }
    case "page": {
      const total = pagination.totalPages ? read(ts`total`, pagination.totalPages) : EMPTY;
      const totalTest = pagination.totalPages ? ts` && !(typeof total === "number" && at >= total)` : EMPTY;
      const next = ts`{
      ${more()}${items()}${total}${start(pagination.pageParam, ts`1`)}const at = lastPageParam ?? start;
      return ${moreTest}Array.isArray(items) && items.length > 0${totalTest} ? at + 1 : undefined;
    }`;
      return { call: invoke(p, inQuery(pagination.pageParam)), next, params: withLast, type: ts`number` };
    }
    default:
      return undefined;
  }
}

function infiniteFactory(op: OperationModel, pagination: PaginationModel, p: Parts, ctx: OperationContext): Code {
  const step = pageStep(pagination, p, ctx);
  if (!step) return EMPTY;
  const name = ts`${identifier(op.identifier)}InfiniteQueryOptions`;
  return ts`${docComment(`Infinite query options for \`${op.method.toUpperCase()} ${op.path}\` (${op.id}, ${pagination.style} pagination): one page per fetch, the next page param read from the last page.`)}export function ${name}(client: ${ctx.clientType}, ...args: ${p.args}) {
  type PageParam = ${step.type} | undefined;
  const [${join(p.names, ", ")}] = args;
  const queryKey = [${ctx.api}, ${p.key}, "infinite", ...args] as const;
  const queryFn = ({ signal, pageParam }: { signal: AbortSignal; pageParam: PageParam }) => ${step.call};
  type Page = Awaited<ReturnType<typeof queryFn>>;
  return {
    queryKey: queryKey as ${ctx.imports.type("@tanstack/query-core", "DataTag")}<typeof queryKey, ${ctx.imports.type("@tanstack/query-core", "InfiniteData")}<Page, PageParam>>,
    queryFn,
    initialPageParam: undefined as PageParam,
    getNextPageParam: (${step.params}): PageParam => ${step.next},
  };
}
`;
}

export function operationFactories(op: OperationModel, method: ClientMethod, ctx: OperationContext): Code {
  const p = parts(op, method, ctx);
  const main = op.method === "get" || op.method === "head" ? queryFactory(op, p, ctx) : mutationFactory(op, p, ctx);
  return op.pagination ? ts`${main}\n${infiniteFactory(op, op.pagination, p, ctx)}` : main;
}
