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

/** How a media type is read when the caller does not say: json, text or blob. */
export function kindOfMedia(contentType: string | null): "json" | "text" | "blob" | "stream" {
  const essence = mediaEssence(contentType);
  if (isJsonMediaType(essence)) return "json";
  if (essence === "text/event-stream") return "stream";
  if (TEXTUAL.test(essence)) return "text";
  return "blob";
}

function hasNoBody(response: Response, method: string): boolean {
  return (
    response.status === 204 ||
    response.status === 205 ||
    response.status === 304 ||
    method === "HEAD" ||
    response.body === null ||
    (response.headers.get("Content-Length") === "0" && !response.headers.has("Transfer-Encoding"))
  );
}

export async function readResponse(
  operationId: string,
  response: Response,
  method: string,
  parseAs: ParseAs,
  limit: number,
): Promise<unknown> {
  if (parseAs === "stream") return response.body;
  if (hasNoBody(response, method)) {
    await response.body?.cancel();
    return undefined;
  }
  const type = response.headers.get("Content-Type");
  const kind = parseAs === "auto" ? kindOfMedia(type) : parseAs;
  if (kind === "stream") return response.body;
  const declared = response.headers.get("Content-Length");
  if (declared !== null && (kind === "json" || kind === "text") && Number(declared) <= limit) {
    // The fast path: a declared length is enforced by fetch itself, and text() decodes natively.
    const text = await response.text();
    return kind === "text" ? text : parseJson(text);
  }
  const bytes = await readBytes(operationId, response, limit);
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
async function readBytes(operationId: string, response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = response.headers.get("Content-Length");
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
