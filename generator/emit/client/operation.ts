/**
 * Code for one operation: its type aliases (all derived from types.ts through runtime/types.ts helpers), its
 * static spec for the runtime, its method, and for paginated operations an `…All` async iterator.
 */
import type { OperationModel, ParameterModel } from "../../model/types.js";
import { EMPTY, join, ts, type Code } from "../code.js";
import { identifier, jsonLiteral, propertyKey, stringLiteral } from "../safe.js";
import { OperationAlias, TYPES, type ClientContext } from "./context.js";
import { operationDoc } from "./docs.js";
import { mediaKind, sseIsJson, sseItemDataSchema } from "./media.js";
import { errorType, pickMedia, requestBodyType, responseType, statusKey, successType } from "./operation-types.js";
import { encodingSpec, partHeadersType } from "./part-headers.js";
import { responseHeadersSpec } from "./response-headers.js";
import { isJsonMedia } from "../../openapi/media-types.js";
import { claimName } from "../../openapi/names.js";

export interface OperationCode {
  types: Code;
  spec: Code;
  /** Members of the group object (method, and pager when paginated), keyed by member name. */
  members: Array<{ name: string; render: (finalName: string) => Code }>;
}

const INDENT = ts`      `;

/** Parameters the runtime cannot serialise by its location's default: their style, explode, reserved, content. */
function paramSpecs(op: OperationModel): unknown[] {
  const all = [...op.pathParams, ...op.queryParams, ...op.headerParams, ...op.cookieParams];
  return all
    .filter((p) => p.style !== undefined || p.explode !== undefined || p.allowReserved || p.contentMediaType)
    .map((p) => ({
      in: p.in,
      name: p.name,
      ...(p.style !== undefined ? { style: p.style } : {}),
      ...(p.explode !== undefined ? { explode: p.explode } : {}),
      ...(p.allowReserved ? { allowReserved: true } : {}),
      ...(p.contentMediaType ? { content: p.contentMediaType } : {}),
    }));
}

function unique(names: string[], wanted: string): string {
  const candidate = claimName(new Set(names), wanted);
  names.push(candidate);
  return candidate;
}

function acceptList(op: OperationModel): string[] {
  const media = [...new Set(op.responses.filter((r) => r.isSuccess).flatMap((r) => r.content.map((c) => c.mediaType)))];
  const json = media.filter((m) => isJsonMedia(m));
  return (json.length > 0 ? json : media).filter((m) => m !== "*/*").sort();
}

const distinct = (codes: Code[]): Code[] => [...new Set(codes)];
const optional = (required: boolean): Code => (required ? EMPTY : ts`?`);

/** The alias every type of the operation is read through: `Op_getContact`. */
export function operationAlias(op: OperationModel): OperationAlias {
  return new OperationAlias(ts`Op_${identifier(op.identifier)}`);
}

export function operationCode(
  ctx: ClientContext,
  op: OperationModel,
  securityKeys: ReadonlySet<string>,
  alias: OperationAlias,
): OperationCode {
  const { doc } = ctx;
  const name = alias.name;
  const success = op.responses.filter((r) => r.isSuccess);
  const failures = op.responses.filter((r) => !r.isSuccess);
  const data =
    success.length > 0 ? join(distinct(success.map((r) => responseType(ctx, alias, r))), " | ") : ts`unknown`;
  const errors =
    failures.length > 0
      ? join(distinct(failures.map((r) => errorType(ctx, alias, r))), " | ")
      : ts`${ctx.rt("ApiError")}<unknown, number>`;
  const ok =
    success.length > 0
      ? join(distinct(success.map((r) => successType(ctx, alias, r))), " | ")
      : ts`${ctx.rt("Success")}<${ctx.rt("ParsedAs")}<P, unknown>>`;
  const query = op.queryParams;
  const headers = op.headerParams;
  const cookies = op.cookieParams;
  const queryRequired = query.some((p) => p.required);
  const headersRequired = headers.some((p) => p.required);
  const cookiesRequired = cookies.some((p) => p.required);
  const optionsRequired = queryRequired || headersRequired || cookiesRequired;
  const headerNames = join(
    headers.map((p) => stringLiteral(p.name)),
    " | ",
  );
  const cookieNames = join(
    cookies.map((p) => stringLiteral(p.name)),
    " | ",
  );
  const requestMedia = op.requestBody?.content ?? [];
  const media = pickMedia(requestMedia);
  const manyMedia = requestMedia.length > 1;
  const partHeaders = partHeadersType(ctx, requestMedia);
  const sseMedia = success.flatMap((r) => r.content).find((m) => mediaKind(m.mediaType) === "sse");
  const sseResponse = sseMedia ? success.find((r) => r.content.includes(sseMedia)) : undefined;
  const parseAs = ctx.rt("ParseAs");
  const optionFields = [
    query.length > 0 ? ts`query${optional(queryRequired)}: ${ctx.rt("QueryParams")}<${alias.ref}>` : undefined,
    headers.length > 0
      ? ts`headers${optional(headersRequired)}: ${ctx.rt("HeaderParams")}<${alias.ref}, ${headerNames}> & Readonly<Record<string, unknown>>`
      : undefined,
    cookies.length > 0
      ? ts`cookies${optional(cookiesRequired)}: ${ctx.rt("CookieParams")}<${alias.ref}, ${cookieNames}>`
      : undefined,
    manyMedia ? ts`contentType?: M` : undefined,
    partHeaders ? ts`partHeaders?: ${partHeaders}` : undefined,
    ts`parseAs?: P`,
  ].filter((c): c is Code => c !== undefined);
  const omitted = join(
    [
      ts`"parseAs"`,
      ts`"contentType"`,
      ...(headers.length > 0 ? [ts`"headers"`] : []),
      ...(partHeaders ? [ts`"partHeaders"`] : []),
    ],
    " | ",
  );
  const defaultMedia = stringLiteral(media?.mediaType ?? "");
  const mediaParam = manyMedia ? ts`, M extends keyof ${name}_Bodies = ${defaultMedia}` : EMPTY;
  const mediaArg = manyMedia ? ts`, M` : EMPTY;
  const bodies = manyMedia
    ? ts`type ${name}_Bodies = { ${join(
        requestMedia.map((m) => ts`${stringLiteral(m.mediaType)}: ${requestBodyType(ctx, alias, m)}`),
        "; ",
      )} };`
    : undefined;
  const typeLines: Code[] = [
    ts`type ${name}_Data = ${data};`,
    ts`type ${name}_Error = ${errors};`,
    ts`type ${name}_Ok<P extends ${parseAs}> = ${ok};`,
    ...(bodies ? [bodies] : []),
    ts`type ${name}_Options<C extends boolean, P extends ${parseAs} = "auto"${mediaParam}> = Omit<${ctx.rt("CallOptions")}<C>, ${omitted}> & { ${join(optionFields, "; ")} };`,
  ];

  const accept = acceptList(op);
  const security = op.security.map((alt) => alt.filter((k) => securityKeys.has(k)));
  const encoding = encodingSpec(requestMedia);
  const params = paramSpecs(op);
  const responseHeaders = responseHeadersSpec(doc, op);
  const idempotencyHeader = op.headerParams.find((p) => p.name.toLowerCase() === "idempotency-key")?.name;
  const spec = ts`const ${name}_spec: ${ctx.rt("OperationSpec")} = ${jsonLiteral({
    id: op.id,
    method: op.method,
    path: op.path,
    security,
    idempotent: op.idempotent,
    ...(requestMedia.length > 0 ? { requestMedia: requestMedia.map((m) => m.mediaType) } : {}),
    ...(Object.keys(encoding).length > 0 ? { encoding } : {}),
    ...(accept.length > 0 ? { accept } : {}),
    ...(params.length > 0 ? { params } : {}),
    ...(idempotencyHeader ? { idempotencyHeader } : {}),
    ...(sseMedia ? { sse: { json: sseIsJson(doc, sseMedia) } } : {}),
    ...(responseHeaders ? { responseHeaders } : {}),
  })};`;

  const taken: string[] = ["options", "rt"];
  const pathArgs = op.pathParams.map((p: ParameterModel) => ({
    param: p,
    name: identifier(unique(taken, p.identifier)),
  }));
  const bodyName = op.requestBody ? identifier(unique(taken, "body")) : undefined;
  const pathParam = pathArgs.length > 0 ? ctx.rt("PathParam") : EMPTY;
  const args: Code[] = pathArgs.map(
    ({ param, name: arg }) => ts`${arg}: ${pathParam}<${alias.ref}, ${stringLiteral(param.name)}>`,
  );
  if (bodyName && media) {
    const bodyType = manyMedia ? ts`${name}_Bodies[M]` : requestBodyType(ctx, alias, media);
    if (op.requestBody?.required) args.push(ts`${bodyName}: ${bodyType}`);
    else args.push(optionsRequired ? ts`${bodyName}: ${bodyType} | undefined` : ts`${bodyName}?: ${bodyType}`);
  }
  const optionsArg = (options: Code): Code => ts`options${optional(optionsRequired)}: ${options}`;
  const callArgs = join([...args, optionsArg(ts`${name}_Options<C, P${mediaArg}>`)], ", ");
  const pathObject = ts`{ ${join(
    pathArgs.map(({ param, name: arg }) => ts`${propertyKey(param.name)}: ${arg}`),
    ", ",
  )} }`;
  const input = [
    pathArgs.length > 0 ? ts`path: ${pathObject}` : undefined,
    query.length > 0 ? ts`query: options?.query` : undefined,
    headers.length > 0 ? ts`headers: options?.headers` : undefined,
    cookies.length > 0 ? ts`cookies: options?.cookies` : undefined,
    bodyName ? ts`body: ${bodyName}` : undefined,
  ].filter((c): c is Code => c !== undefined);
  const inputCode = ts`{ ${join(input, ", ")} }`;
  const generics = ts`C extends boolean = Throw, P extends ${parseAs} = "auto"${mediaParam}`;
  const outcome = ts`${ctx.rt("Outcome")}<C, ${ctx.rt("ParsedAs")}<P, ${name}_Data>, ${name}_Error, ${name}_Ok<P>>`;
  const callDoc = operationDoc(op, INDENT);
  const members: OperationCode["members"] = [
    {
      name: op.methodName,
      render: (finalName) =>
        ts`${callDoc}      ${propertyKey(finalName)}<${generics}>(${callArgs}): Promise<${outcome}> {
        return rt.call(${name}_spec, ${inputCode}, options) as Promise<${outcome}>;
      },\n`,
    },
  ];
  const mediaGenerics = manyMedia ? ts`<M extends keyof ${name}_Bodies = ${defaultMedia}>` : EMPTY;
  const itemData = sseMedia ? sseItemDataSchema(doc, sseMedia) : undefined;
  if (sseMedia && sseResponse && itemData !== undefined) {
    // 3.2 itemSchema: the event data's type is printed here (types.ts has no place for it), as received.
    typeLines.push(ts`type ${name}_Event = ${ctx.rt("Readable")}<${ctx.schemaType(itemData)}>;`);
  }
  if (sseMedia && sseResponse) {
    const item =
      itemData !== undefined
        ? ts`${name}_Event`
        : ts`${ctx.rt("SseData")}<${ctx.rt("ResponseBody")}<${alias.ref}, ${statusKey(sseResponse.status)}, ${stringLiteral(sseMedia.mediaType)}>>`;
    const sseArgs = join(
      [...args, optionsArg(ts`${name}_Options<true, "stream"${mediaArg}> & ${ctx.rt("SseOptions")}`)],
      ", ",
    );
    const event = ctx.rt("ServerSentEvent");
    const doc = operationDoc(
      op,
      INDENT,
      "The `text/event-stream` response as typed events; reconnects with `Last-Event-ID`.",
    );
    members.push({
      name: `${op.methodName}Events`,
      render: (finalName) =>
        ts`${doc}      ${propertyKey(finalName)}${mediaGenerics}(${sseArgs}): AsyncIterable<${event}<${item}>> {
        return rt.sse<${item}>(${name}_spec, ${inputCode}, options);
      },\n`,
    });
  }
  if (op.pagination) {
    const p = op.pagination;
    // Cursor specs keep their historical shape (no `style`), so existing generated clients do not change.
    const { style, ...rest } = p;
    const pagination = jsonLiteral(style === "cursor" ? rest : p);
    const follows: Record<typeof style, string> = {
      cursor: p.style === "cursor" ? `following the \`${p.cursorParam}\` cursor` : "",
      offset: p.style === "offset" ? `advancing \`${p.offsetParam}\` by each page's length` : "",
      page: p.style === "page" ? `counting \`${p.pageParam}\` up` : "",
      link: 'following the `Link: rel="next"` header',
      nextUrl: "following the next-page URL in each page",
    };
    const item = ts`${ctx.rt("PageItem")}<${name}_Data, ${stringLiteral(p.items)}>`;
    const pagerArgs = join([...args, optionsArg(ts`${name}_Options<true, "auto"${mediaArg}>`)], ", ");
    const doc = operationDoc(op, INDENT, `Every item of every page, ${follows[style]}.`);
    members.push({
      name: `${op.methodName}All`,
      render: (finalName) =>
        ts`${doc}      ${propertyKey(finalName)}${mediaGenerics}(${pagerArgs}): AsyncIterable<${item}> {
        return rt.paginate<${item}>(${name}_spec, ${pagination}, ${inputCode}, options);
      },\n`,
    });
  }
  // An operation whose bodies are all bytes never refers to its paths[…] alias: it is left out (noUnusedLocals).
  if (alias.used) {
    const paths = ctx.imports.type(TYPES, "paths");
    typeLines.unshift(ts`type ${name} = ${paths}[${stringLiteral(op.path)}][${stringLiteral(op.method)}];`);
  }
  return { types: join(typeLines, "\n"), spec, members };
}
