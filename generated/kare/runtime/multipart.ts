/**
 * multipart/form-data written by hand (not FormData) so the document's `encoding` is honoured: a per-part
 * Content-Type, per-part headers, JSON for object parts. Files (Blob/File) are referenced, never copied: the body
 * is one Blob of strings and the caller's Blobs.
 */
import { checkHeaderValue } from "./encode.js";
import { scalarText, serialiseHeader } from "./params.js";

/** A header a part's `encoding` declares: serialised like a header parameter (simple style, explode, content). */
export interface PartHeaderSpec {
  name: string;
  explode?: boolean;
  /** A `content` header: its media type (the value is sent as JSON). */
  content?: string;
}

export interface PartEncoding {
  contentType?: string;
  headers?: readonly PartHeaderSpec[];
}

/** The caller's values for part headers, per field (`{ file: { "X-Checksum": "…" } }`). */
export type PartHeaders = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

const CRLF = "\r\n";

/** RFC 7578 / WHATWG: quote, CR and LF in a name or filename are percent-encoded so they cannot end the header. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function asBlob(value: Blob | ArrayBuffer | ArrayBufferView, type: string | undefined): Blob {
  if (value instanceof Blob) return type && !value.type ? new Blob([value], { type }) : value;
  return new Blob([value as ArrayBuffer], { type: type ?? "application/octet-stream" });
}

export function encodeMultipart(
  value: Record<string, unknown>,
  encoding: Readonly<Record<string, PartEncoding>> = {},
  partHeaders: PartHeaders = {},
  operationId = "multipart",
): { body: Blob; contentType: string } {
  const boundary = `----contactgen${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const pieces: BlobPart[] = [];
  const part = (name: string, item: unknown, enc: PartEncoding | undefined, extra: string): void => {
    if (item === undefined || item === null) return;
    let disposition = `form-data; name=${quoted(name)}`;
    let type = enc?.contentType?.split(",")[0]?.trim();
    let content: BlobPart;
    if (isBinary(item)) {
      const blob = asBlob(item, type);
      const filename = typeof File !== "undefined" && item instanceof File ? item.name : "blob";
      disposition += `; filename=${quoted(filename)}`;
      type = blob.type || type || "application/octet-stream";
      content = blob;
    } else if (typeof item === "object" && !(item instanceof Date)) {
      type ??= "application/json";
      content = JSON.stringify(item);
    } else {
      content = scalarText(item);
      if (type === "text/plain") type = undefined;
    }
    let head = `--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}`;
    if (type) head += `Content-Type: ${type}${CRLF}`;
    pieces.push(head + extra + CRLF, content, CRLF);
  };
  for (const [name, item] of Object.entries(value)) {
    const enc = Object.hasOwn(encoding, name) ? encoding[name] : undefined;
    const extra = headerLines(operationId, name, enc, Object.hasOwn(partHeaders, name) ? partHeaders[name] : undefined);
    // Arrays are repeated parts (each with the field's headers); an array the encoding declares as JSON is one part.
    if (Array.isArray(item) && !/json/i.test(enc?.contentType ?? "")) {
      for (const each of item) part(name, each, enc, extra);
    } else part(name, item, enc, extra);
  }
  pieces.push(`--${boundary}--${CRLF}`);
  return { body: new Blob(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The caller's headers for one field's parts, each serialised by its declaration (undeclared ones as text) and
 * checked like any header (CR, LF or non-Latin-1 is a RequestError). Content-Type and Content-Disposition are the
 * writer's: a part header cannot replace them.
 */
function headerLines(
  operationId: string,
  field: string,
  encoding: PartEncoding | undefined,
  values: Readonly<Record<string, unknown>> | undefined,
): string {
  if (!values) return "";
  let lines = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const lower = name.toLowerCase();
    if (lower === "content-type" || lower === "content-disposition") continue;
    const declared = encoding?.headers?.find((h) => h.name.toLowerCase() === lower);
    const text = serialiseHeader({ in: "header", ...declared, name }, value);
    lines += `${name}: ${checkHeaderValue(`${operationId} (part ${field})`, name, text)}${CRLF}`;
  }
  return lines;
}
