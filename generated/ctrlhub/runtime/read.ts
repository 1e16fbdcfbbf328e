/**
 * Reading a response body: by its Content-Type (JSON parsed, text as string, anything else as a Blob) or as the
 * caller asks (`parseAs`), never past `maxResponseBytes` (a stream is handed over unread and unbounded).
 */
import { ResponseTooLargeError } from "./errors.js";
import { isJsonMediaType, mediaEssence } from "./encode.js";

export type ParseAs = "auto" | "json" | "text" | "blob" | "arrayBuffer" | "stream";

/** 32 MiB: far above any JSON page, far below what would take a process down. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:xml|yaml|x-yaml|javascript|x-www-form-urlencoded)$)/;

type MediaReading = "json" | "text" | "blob" | "stream";

/** A handful of Content-Type values per API: each is classified once, not on every response. */
const KINDS = new Map<string | null, MediaReading>();

/** How a media type is read when the caller does not say: json, text or blob. */
export function kindOfMedia(contentType: string | null): MediaReading {
  let kind = KINDS.get(contentType);
  if (kind === undefined) {
    const essence = mediaEssence(contentType);
    if (isJsonMediaType(essence)) kind = "json";
    else if (essence === "text/event-stream") kind = "stream";
    else if (TEXTUAL.test(essence)) kind = "text";
    else kind = "blob";
    if (KINDS.size >= 64) KINDS.clear();
    KINDS.set(contentType, kind);
  }
  return kind;
}

export function readResponse(
  operationId: string,
  response: Response,
  method: string,
  parseAs: ParseAs,
  limit: number,
): Promise<unknown> {
  if (parseAs === "stream") return Promise.resolve(response.body);
  const headers = response.headers;
  const declared = headers.get("Content-Length");
  const status = response.status;
  if (
    status === 204 ||
    status === 205 ||
    status === 304 ||
    method === "HEAD" ||
    response.body === null ||
    (declared === "0" && !headers.has("Transfer-Encoding"))
  ) {
    return (response.body?.cancel() ?? Promise.resolve()).then(() => undefined);
  }
  const type = headers.get("Content-Type");
  const kind = parseAs === "auto" ? kindOfMedia(type) : parseAs;
  if (kind === "stream") return Promise.resolve(response.body);
  if (declared !== null && (kind === "json" || kind === "text") && Number(declared) <= limit) {
    // The fast path: a declared length is enforced by fetch itself, and text() decodes natively.
    return response.text().then(kind === "text" ? undefined : parseJson);
  }
  return readBody(operationId, response, declared, type, kind, limit);
}

async function readBody(
  operationId: string,
  response: Response,
  declared: string | null,
  type: string | null,
  kind: Exclude<ParseAs, "auto" | "stream">,
  limit: number,
): Promise<unknown> {
  const bytes = await readBytes(operationId, response, declared, limit);
  if (kind === "arrayBuffer") return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  if (kind === "blob") return new Blob([bytes], { type: type ?? "" });
  const text = new TextDecoder().decode(bytes);
  return kind === "text" ? text : parseJson(text);
}

/** JSON, or the text itself when it is not JSON (an error page); undefined for an empty body. */
function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** All bytes, or ResponseTooLargeError as soon as the declared or counted size passes `limit`. */
async function readBytes(
  operationId: string,
  response: Response,
  declared: string | null,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(operationId, limit, response);
  }
  // A declared length is enforced by fetch itself: read in one go (the fast path).
  if (declared !== null) return new Uint8Array(await response.arrayBuffer());
  const reader = (response.body as ReadableStream<Uint8Array<ArrayBuffer>>).getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLargeError(operationId, limit, response);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
