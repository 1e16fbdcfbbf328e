/**
 * Request body serialisation by media type: JSON (and every `+json`), `application/x-www-form-urlencoded`
 * (honouring `encoding` style/explode/allowReserved/contentType), `multipart/form-data` (see multipart.ts), text,
 * and binary (Blob, ArrayBuffer, typed arrays, ReadableStream) passed through untouched.
 */
import { isJsonMediaType, mediaEssence } from "./encode.js";
import { encodeMultipart, type PartEncoding, type PartHeaders } from "./multipart.js";
import { scalarText, serialiseQuery } from "./params.js";

export interface SerialisedBody {
  body: BodyInit | undefined;
  contentType: string | undefined;
}

/** The `encoding` object of one request media type (multipart and form bodies only). */
export interface FieldEncoding extends PartEncoding {
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

const NO_BODY: SerialisedBody = Object.freeze({ body: undefined, contentType: undefined });

export function serialiseBody(
  value: unknown,
  mediaType: string | undefined,
  encoding?: Readonly<Record<string, FieldEncoding>>,
  partHeaders?: PartHeaders,
  operationId?: string,
): SerialisedBody {
  if (value === undefined) return NO_BODY;
  const essence = mediaEssence(mediaType);
  if (isJsonMediaType(essence) || essence === "" || essence === "*/*") {
    return { body: JSON.stringify(value), contentType: essence && essence !== "*/*" ? mediaType : "application/json" };
  }
  if (value instanceof FormData || value instanceof URLSearchParams) return { body: value, contentType: undefined };
  if (essence === "application/x-www-form-urlencoded" && isPlainObject(value)) {
    return { body: encodeForm(value, encoding ?? {}), contentType: mediaType };
  }
  if (essence.startsWith("multipart/") && isPlainObject(value)) {
    const { body, contentType } = encodeMultipart(value, encoding, partHeaders, operationId);
    return { body, contentType };
  }
  if (
    typeof value === "string" ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof ReadableStream !== "undefined" && value instanceof ReadableStream)
  ) {
    return { body: value as BodyInit, contentType: mediaType };
  }
  if (essence.startsWith("text/")) return { body: scalarText(value), contentType: mediaType };
  return { body: JSON.stringify(value), contentType: mediaType };
}

/**
 * Form fields. With an `encoding` entry: its style/explode (form rules, as a query string), or its JSON
 * contentType. Without one: arrays repeat the key and nested objects use brackets (`a[b]=1`), the form
 * Stripe-style APIs read (OpenAPI's own default, a JSON-encoded object, is what `contentType` selects).
 */
function encodeForm(value: Record<string, unknown>, encoding: Readonly<Record<string, FieldEncoding>>): string {
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const enc = encoding[key];
    if (enc && (enc.style !== undefined || enc.explode !== undefined || enc.allowReserved !== undefined)) {
      const text = serialiseQuery({ in: "query", name: key, ...enc }, item);
      if (text) parts.push(text);
    } else if (enc?.contentType && isJsonMediaType(enc.contentType)) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(JSON.stringify(item))}`);
    } else {
      appendField(key, item, (k, v) => parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
    }
  }
  return parts.join("&").replace(/%20/g, "+");
}

function appendField(key: string, value: unknown, append: (key: string, value: string) => void): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const item of value) appendField(key, item, append);
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) appendField(`${key}[${k}]`, v, append);
  else append(key, scalarText(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Blob) &&
    !(value instanceof ArrayBuffer) &&
    !ArrayBuffer.isView(value)
  );
}
