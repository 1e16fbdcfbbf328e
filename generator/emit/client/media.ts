/**
 * How a media type is handled by a generated client: JSON (typed from the schema), text (`string`), binary
 * (`Blob` received; `Blob | ArrayBuffer | ArrayBufferView | ReadableStream` sent), multipart/form (the schema's
 * object, Blob for binary fields), or an event stream (an async iterator of typed events).
 */
import type { OpenApiDocument, SchemaObject } from "../../load/openapi-types.js";
import { deref } from "../../openapi/pointer.js";
import type { MediaModel } from "../../model/types.js";
import { mediaClass } from "../../openapi/media-types.js";

export type MediaKind = "json" | "text" | "binary" | "form" | "sse";

/** The shared media classes (generator/openapi/media-types.ts); a wildcard is sent and read as JSON. */
export function mediaKind(mediaType: string): MediaKind {
  const cls = mediaClass(mediaType);
  return cls === "any" ? "json" : cls === "multipart" ? "form" : cls;
}

/** Whether SSE `data` is JSON: the schema of `data` (3.2 `itemSchema`, or a `data` property) is not a string. */
export function sseIsJson(doc: OpenApiDocument, media: MediaModel): boolean {
  const item = media.itemSchema ?? media.schema;
  if (item === undefined) return false;
  const resolved = deref<SchemaObject>(doc, item);
  const props = resolved.properties as Record<string, SchemaObject> | undefined;
  const data = props?.data !== undefined ? deref<SchemaObject>(doc, props.data) : resolved;
  const type = data.type;
  // 3.2 style: JSON carried in a string (`contentMediaType: application/json`, `contentSchema`).
  if (type === "string" && typeof data.contentMediaType === "string") return /json/i.test(data.contentMediaType);
  return !(
    type === "string" ||
    (Array.isArray(type) && type.length > 0 && type.every((t) => t === "string" || t === "null"))
  );
}

/**
 * The schema of an event's `data` when an OpenAPI 3.2 `itemSchema` describes the events (types.ts, following
 * openapi-typescript, has no place for it): the item's `data` member, or its `contentSchema` when the data is JSON
 * carried in a string; the item itself when it has no `data` member. Undefined without an `itemSchema`.
 */
export function sseItemDataSchema(doc: OpenApiDocument, media: MediaModel): unknown {
  if (media.itemSchema === undefined) return undefined;
  const item = deref<SchemaObject>(doc, media.itemSchema);
  const props = item.properties as Record<string, SchemaObject> | undefined;
  if (props?.data === undefined) return media.itemSchema;
  const data = deref<SchemaObject>(doc, props.data);
  if (data.type === "string" && typeof data.contentMediaType === "string" && /json/i.test(data.contentMediaType)) {
    return data.contentSchema ?? true;
  }
  return props.data;
}
