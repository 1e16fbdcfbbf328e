/**
 * The type expressions of one operation's client code, each derived from types.ts through the runtime's helpers
 * (`ResponseBody<Op, 200, "application/json">`): bodies per media type, errors and successes per status.
 */
import type { MediaModel, ResponseModel } from "../../model/types.js";
import { num, ts, type Code } from "../code.js";
import { stringLiteral } from "../safe.js";
import type { ClientContext, OperationAlias } from "./context.js";
import { mediaKind } from "./media.js";
import { NO_HEADERS, responseHeadersType } from "./response-headers.js";

export function pickMedia(content: MediaModel[]): MediaModel | undefined {
  return content[0];
}

/** `200` as a number key (as types.ts writes it), `"4XX"` / `"default"` as string keys. */
export function statusKey(status: string): Code {
  return /^\d{3}$/.test(status) ? num(Number(status)) : stringLiteral(status);
}

/** The status as a type: the literal code, or `number` for a class or `default`. */
function statusType(status: string): Code {
  return /^\d{3}$/.test(status) ? num(Number(status)) : ts`number`;
}

export function responseType(ctx: ClientContext, alias: OperationAlias, response: ResponseModel): Code {
  const media = pickMedia(response.content);
  if (!media) return ts`undefined`;
  const kind = mediaKind(media.mediaType);
  // Bodies that are not JSON arrive as what they are: bytes as a Blob, text as a string.
  if (kind === "binary") return ts`Blob`;
  if (kind === "sse") return ts`ReadableStream<Uint8Array> | null`;
  return ts`${ctx.rt("ResponseBody")}<${alias.ref}, ${statusKey(response.status)}, ${stringLiteral(media.mediaType)}>`;
}

/** What a caller may pass as the body of one request media type. */
export function requestBodyType(ctx: ClientContext, alias: OperationAlias, media: MediaModel): Code {
  const kind = mediaKind(media.mediaType);
  if (kind === "binary") return ctx.rt("BinaryBody");
  if (kind === "text") return ts`string`;
  const typed = ts`${ctx.rt("RequestBody")}<${alias.ref}, ${stringLiteral(media.mediaType)}>`;
  if (kind === "form")
    return ts`${typed} | ${/multipart\//i.test(media.mediaType) ? ts`FormData` : ts`URLSearchParams`}`;
  return typed;
}

export function errorType(ctx: ClientContext, alias: OperationAlias, response: ResponseModel): Code {
  const headers = responseHeadersType(ctx, alias, response, statusKey(response.status));
  const body = responseType(ctx, alias, response);
  const extra = headers === NO_HEADERS ? ts`` : ts`, ${headers}`;
  return ts`${ctx.rt("ApiError")}<${body}, ${statusType(response.status)}${extra}>`;
}

/** One success status of the result (`throwOnError: false`): its status, data as `parseAs` reads it, headers. */
export function successType(ctx: ClientContext, alias: OperationAlias, response: ResponseModel): Code {
  const headers = responseHeadersType(ctx, alias, response, statusKey(response.status));
  const data = ts`${ctx.rt("ParsedAs")}<P, ${responseType(ctx, alias, response)}>`;
  return ts`${ctx.rt("Success")}<${data}, ${statusType(response.status)}, ${headers}>`;
}
