/**
 * multipart/form-data written by hand (not FormData) so the document's `encoding` is honoured: a per-part
 * Content-Type, per-part headers, JSON for object parts. Files (Blob/File) are referenced, never copied: the body
 * is one Blob of strings and the caller's Blobs.
 */
import { scalarText } from "./params.js";

export interface PartEncoding {
  contentType?: string;
  headers?: Record<string, string>;
}

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
): { body: Blob; contentType: string } {
  const boundary = `----contactgen${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const pieces: BlobPart[] = [];
  const part = (name: string, item: unknown, enc: PartEncoding | undefined): void => {
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
    for (const [header, text] of Object.entries(enc?.headers ?? {})) {
      if (header.toLowerCase() !== "content-type") head += `${header}: ${text}${CRLF}`;
    }
    pieces.push(head + CRLF, content, CRLF);
  };
  for (const [name, item] of Object.entries(value)) {
    const enc = encoding[name];
    // Arrays are repeated parts; an array the encoding declares as JSON is one JSON part.
    if (Array.isArray(item) && !/json/i.test(enc?.contentType ?? "")) for (const each of item) part(name, each, enc);
    else part(name, item, enc);
  }
  pieces.push(`--${boundary}--${CRLF}`);
  return { body: new Blob(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
