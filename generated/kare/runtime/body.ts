/**
 * Request body serialisation and response body decoding by media type. JSON and every `+json` type (JSON:API's
 * `application/vnd.api+json`) are sent and parsed as JSON; forms are encoded; anything else is passed through.
 */
import { isJsonMediaType, mediaEssence } from "./encode.js";

export interface SerialisedBody {
  body: BodyInit | undefined;
  /** Content-Type to send; undefined lets fetch choose (multipart boundary). */
  contentType: string | undefined;
}

export function serialiseBody(value: unknown, mediaType: string | undefined): SerialisedBody {
  if (value === undefined) return { body: undefined, contentType: undefined };
  const essence = mediaEssence(mediaType);
  if (isJsonMediaType(essence) || essence === "" || essence === "*/*") {
    return { body: JSON.stringify(value), contentType: essence && essence !== "*/*" ? mediaType : "application/json" };
  }
  if (essence === "application/x-www-form-urlencoded" && isPlainObject(value)) {
    const form = new URLSearchParams();
    for (const [key, item] of Object.entries(value)) appendField(key, item, (k, v) => form.append(k, v));
    return { body: form.toString(), contentType: mediaType };
  }
  if (essence === "multipart/form-data" && isPlainObject(value)) {
    const form = new FormData();
    for (const [key, item] of Object.entries(value)) {
      if (item instanceof Blob) form.append(key, item);
      else appendField(key, item, (k, v) => form.append(k, v));
    }
    return { body: form, contentType: undefined };
  }
  if (typeof value === "string" || value instanceof Blob || value instanceof ArrayBuffer) {
    return { body: value, contentType: mediaType };
  }
  if (ArrayBuffer.isView(value)) return { body: value as Uint8Array<ArrayBuffer>, contentType: mediaType };
  return { body: JSON.stringify(value), contentType: mediaType };
}

/** Transport bodies arrive as text (or, for error statuses, already JSON-parsed); parse JSON media types here. */
export function decodeBody(raw: unknown, contentType: string | null): unknown {
  if (typeof raw !== "string" || !isJsonMediaType(contentType)) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Form fields: arrays repeat the key (form, explode), nested objects use deepObject brackets (`a[b]=1`). */
function appendField(key: string, value: unknown, append: (key: string, value: string) => void): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const item of value) appendField(key, item, append);
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) appendField(`${key}[${k}]`, v, append);
  else append(key, stringify(value));
}

function stringify(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value as string);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
