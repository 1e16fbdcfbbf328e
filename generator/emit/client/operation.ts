/**
 * Code for one operation: its type aliases (all derived from types.ts through runtime/types.ts helpers), its
 * static spec for the runtime, its method, and for paginated operations an `…All` async iterator.
 */
import type { OpenApiDocument } from "../../load/openapi-types.js";
import type { MediaModel, OperationModel, ParameterModel, ResponseModel } from "../../model/types.js";
import { jsonLiteral, propertyKey, stringLiteral } from "../safe.js";
import { operationDoc } from "./docs.js";
import { inlineSchemaType } from "../types/native/index.js";
import { mediaKind, sseIsJson, sseItemDataSchema } from "./media.js";
import { encodingSpec, partHeadersType } from "./part-headers.js";
import { responseHeadersSpec, responseHeadersType } from "./response-headers.js";
import { isJsonMedia } from "../../openapi/media-types.js";
import { claimName } from "../../openapi/names.js";

export interface OperationCode {
  types: string;
  spec: string;
  /** Members of the group object (method, and pager when paginated), keyed by member name. */
  members: Array<{ name: string; render: (finalName: string) => string }>;
}

export function pickMedia(content: MediaModel[]): MediaModel | undefined {
  return content[0];
}

function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : stringLiteral(status);
}

function responseType(alias: string, response: ResponseModel): string {
  const media = pickMedia(response.content);
  if (!media) return "undefined";
  const kind = mediaKind(media.mediaType);
  // Bodies that are not JSON arrive as what they are: bytes as a Blob, text as a string.
  if (kind === "binary") return "Blob";
  if (kind === "sse") return "ReadableStream<Uint8Array> | null";
  return `ResponseBody<${alias}, ${statusKey(response.status)}, ${stringLiteral(media.mediaType)}>`;
}

/** What a caller may pass as the body of one request media type. */
function requestBodyType(alias: string, media: MediaModel): string {
  const kind = mediaKind(media.mediaType);
  if (kind === "binary") return "BinaryBody";
  if (kind === "text") return "string";
  const typed = `RequestBody<${alias}, ${stringLiteral(media.mediaType)}>`;
  if (kind === "form") return `${typed} | ${/multipart\//i.test(media.mediaType) ? "FormData" : "URLSearchParams"}`;
  return typed;
}

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

function errorType(alias: string, response: ResponseModel): string {
  const status = /^\d{3}$/.test(response.status) ? response.status : "number";
  const headers = responseHeadersType(alias, response, statusKey(response.status));
  return `ApiError<${responseType(alias, response)}, ${status}${headers === NO_HEADERS ? "" : `, ${headers}`}>`;
}

const NO_HEADERS = "Record<string, never>";

/** One success status of the result (`throwOnError: false`): its status, data as `parseAs` reads it, headers. */
function successType(alias: string, response: ResponseModel): string {
  const status = /^\d{3}$/.test(response.status) ? response.status : "number";
  const headers = responseHeadersType(alias, response, statusKey(response.status));
  return `Success<ParsedAs<P, ${responseType(alias, response)}>, ${status}, ${headers}>`;
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

export function operationCode(
  op: OperationModel,
  pathsAlias: string,
  securityKeys: ReadonlySet<string>,
  doc: OpenApiDocument,
): OperationCode {
  const alias = `Op_${op.identifier}`;
  const success = op.responses.filter((r) => r.isSuccess);
  const failures = op.responses.filter((r) => !r.isSuccess);
  const data = success.length > 0 ? [...new Set(success.map((r) => responseType(alias, r)))].join(" | ") : "unknown";
  const errors =
    failures.length > 0
      ? [...new Set(failures.map((r) => errorType(alias, r)))].join(" | ")
      : "ApiError<unknown, number>";
  const query = op.queryParams;
  const headers = op.headerParams;
  const cookies = op.cookieParams;
  const queryRequired = query.some((p) => p.required);
  const headersRequired = headers.some((p) => p.required);
  const cookiesRequired = cookies.some((p) => p.required);
  const optionsRequired = queryRequired || headersRequired || cookiesRequired;
  const headerNames = headers.map((p) => stringLiteral(p.name)).join(" | ");
  const cookieNames = cookies.map((p) => stringLiteral(p.name)).join(" | ");
  const requestMedia = op.requestBody?.content ?? [];
  const media = pickMedia(requestMedia);
  const manyMedia = requestMedia.length > 1;
  const partHeaders = partHeadersType(doc, requestMedia);
  const sseMedia = success.flatMap((r) => r.content).find((m) => mediaKind(m.mediaType) === "sse");
  const sseResponse = sseMedia ? success.find((r) => r.content.includes(sseMedia)) : undefined;
  const optionFields = [
    query.length > 0 ? `query${queryRequired ? "" : "?"}: QueryParams<${alias}>` : "",
    headers.length > 0
      ? `headers${headersRequired ? "" : "?"}: HeaderParams<${alias}, ${headerNames}> & Readonly<Record<string, unknown>>`
      : "",
    cookies.length > 0 ? `cookies${cookiesRequired ? "" : "?"}: CookieParams<${alias}, ${cookieNames}>` : "",
    manyMedia ? "contentType?: M" : "",
    partHeaders ? `partHeaders?: ${partHeaders}` : "",
    "parseAs?: P",
  ].filter(Boolean);
  const omitted = [
    '"parseAs"',
    '"contentType"',
    ...(headers.length > 0 ? ['"headers"'] : []),
    ...(partHeaders ? ['"partHeaders"'] : []),
  ].join(" | ");
  const mediaParam = manyMedia ? `, M extends keyof ${alias}_Bodies = ${stringLiteral(media?.mediaType ?? "")}` : "";
  const mediaArg = manyMedia ? ", M" : "";
  const types = [
    `type ${alias} = ${pathsAlias}[${stringLiteral(op.path)}][${stringLiteral(op.method)}];`,
    `type ${alias}_Data = ${data};`,
    `type ${alias}_Error = ${errors};`,
    `type ${alias}_Ok<P extends ParseAs> = ${success.length > 0 ? [...new Set(success.map((r) => successType(alias, r)))].join(" | ") : "Success<ParsedAs<P, unknown>>"};`,
    manyMedia
      ? `type ${alias}_Bodies = { ${requestMedia.map((m) => `${stringLiteral(m.mediaType)}: ${requestBodyType(alias, m)}`).join("; ")} };`
      : "",
    `type ${alias}_Options<C extends boolean, P extends ParseAs = "auto"${mediaParam}> = Omit<CallOptions<C>, ${omitted}> & { ${optionFields.join("; ")} };`,
  ]
    .filter(Boolean)
    .join("\n");

  const accept = acceptList(op);
  const security = op.security.map((alt) => alt.filter((k) => securityKeys.has(k)));
  const encoding = encodingSpec(requestMedia);
  const params = paramSpecs(op);
  const responseHeaders = responseHeadersSpec(doc, op);
  const idempotencyHeader = op.headerParams.find((p) => p.name.toLowerCase() === "idempotency-key")?.name;
  const spec = `const ${alias}_spec: OperationSpec = ${jsonLiteral({
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
  const pathArgs = op.pathParams.map((p: ParameterModel) => ({ param: p, name: unique(taken, p.identifier) }));
  const bodyName = op.requestBody ? unique(taken, "body") : undefined;
  const args = pathArgs.map(({ param, name }) => `${name}: PathParam<${alias}, ${stringLiteral(param.name)}>`);
  if (bodyName && media) {
    const bodyType = manyMedia ? `${alias}_Bodies[M]` : requestBodyType(alias, media);
    if (op.requestBody?.required) args.push(`${bodyName}: ${bodyType}`);
    else args.push(optionsRequired ? `${bodyName}: ${bodyType} | undefined` : `${bodyName}?: ${bodyType}`);
  }
  const callArgs = [...args, `options${optionsRequired ? "" : "?"}: ${alias}_Options<C, P${mediaArg}>`].join(", ");
  const pathObject = `{ ${pathArgs.map(({ param, name }) => `${propertyKey(param.name)}: ${name}`).join(", ")} }`;
  const input = [
    pathArgs.length > 0 ? `path: ${pathObject}` : "",
    query.length > 0 ? "query: options?.query" : "",
    headers.length > 0 ? "headers: options?.headers" : "",
    cookies.length > 0 ? "cookies: options?.cookies" : "",
    bodyName ? `body: ${bodyName}` : "",
  ].filter(Boolean);
  const inputCode = `{ ${input.join(", ")} }`;
  const generics = `C extends boolean = Throw, P extends ParseAs = "auto"${mediaParam}`;
  const outcome = `Outcome<C, ParsedAs<P, ${alias}_Data>, ${alias}_Error, ${alias}_Ok<P>>`;
  const members = [
    {
      name: op.methodName,
      render: (finalName: string) =>
        operationDoc(op, "      ") +
        `      ${propertyKey(finalName)}<${generics}>(${callArgs}): Promise<${outcome}> {\n` +
        `        return rt.call(${alias}_spec, ${inputCode}, options) as Promise<${outcome}>;\n` +
        `      },\n`,
    },
  ];
  const itemData = sseMedia ? sseItemDataSchema(doc, sseMedia) : undefined;
  let typeLines = types;
  if (sseMedia && sseResponse && itemData !== undefined) {
    // 3.2 itemSchema: the event data's type is printed here (types.ts has no place for it), as received.
    typeLines += `\ntype ${alias}_Event = Readable<${inlineSchemaType(doc, itemData).type}>;`;
  }
  if (sseMedia && sseResponse) {
    const item =
      itemData !== undefined
        ? `${alias}_Event`
        : `SseData<ResponseBody<${alias}, ${statusKey(sseResponse.status)}, ${stringLiteral(sseMedia.mediaType)}>>`;
    const sseArgs = [
      ...args,
      `options${optionsRequired ? "" : "?"}: ${alias}_Options<true, "stream"${mediaArg}> & SseOptions`,
    ].join(", ");
    members.push({
      name: `${op.methodName}Events`,
      render: (finalName: string) =>
        operationDoc(
          op,
          "      ",
          "The `text/event-stream` response as typed events; reconnects with `Last-Event-ID`.",
        ) +
        `      ${propertyKey(finalName)}${manyMedia ? `<M extends keyof ${alias}_Bodies = ${stringLiteral(media?.mediaType ?? "")}>` : ""}(${sseArgs}): AsyncIterable<ServerSentEvent<${item}>> {\n` +
        `        return rt.sse<${item}>(${alias}_spec, ${inputCode}, options);\n` +
        `      },\n`,
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
    const item = `PageItem<${alias}_Data, ${stringLiteral(p.items)}>`;
    const pagerArgs = [...args, `options${optionsRequired ? "" : "?"}: ${alias}_Options<true, "auto"${mediaArg}>`].join(
      ", ",
    );
    members.push({
      name: `${op.methodName}All`,
      render: (finalName: string) =>
        operationDoc(op, "      ", `Every item of every page, ${follows[style]}.`) +
        `      ${propertyKey(finalName)}${manyMedia ? `<M extends keyof ${alias}_Bodies = ${stringLiteral(media?.mediaType ?? "")}>` : ""}(${pagerArgs}): AsyncIterable<${item}> {\n` +
        `        return rt.paginate<${item}>(${alias}_spec, ${pagination}, ${inputCode}, options);\n` +
        `      },\n`,
    });
  }
  // An operation whose bodies are all bytes never refers to its paths[…] alias: leave it out (noUnusedLocals).
  const [, ...rest] = typeLines.split("\n");
  // Not \b: it only knows ASCII word characters, and identifiers may be in any script (Op_получить).
  const used = new RegExp(`(?<![\\p{ID_Continue}$])${alias.replace(/[$]/g, "\\$&")}(?![\\p{ID_Continue}$])`, "u");
  const uses = used.test(rest.join("\n")) || members.some((m) => used.test(m.render(m.name)));
  return { types: uses ? typeLines : rest.join("\n"), spec, members };
}
