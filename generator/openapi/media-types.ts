/**
 * Media-type classes: the one answer to "is this JSON?" and "how is this body read?" for the model, the client
 * emitter, the validators, the mock, conformance and the docs. JSON is `application/json` and every structured
 * `+json` suffix (RFC 6839), parameters and case ignored — exactly what the generated runtime sends and parses as
 * JSON (`isJsonMediaType` in generator/runtime/encode.ts, reused here so the two cannot drift). `text/json` is not
 * JSON (never registered; the runtime reads it as text) and `*\/*` is its own class, `any`: each reader decides
 * what a wildcard means to it (the client sends and reads it as JSON). docs/decisions/0130-json-media-type-rule.md.
 */
import { isJsonMediaType, mediaEssence } from "../runtime/encode.js";

export { isJsonMediaType as isJsonMedia, mediaEssence };

export type MediaClass = "json" | "any" | "sse" | "form" | "multipart" | "text" | "binary";

/** Textual media types outside `text/*`: read and written as strings. */
const TEXTUAL = /^application\/(?:[\w.+-]*\+)?(?:xml|yaml|x-yaml|javascript)$/;

export function mediaClass(mediaType: string): MediaClass {
  const essence = mediaEssence(mediaType);
  if (essence === "" || essence === "*/*") return "any";
  if (isJsonMediaType(essence)) return "json";
  if (essence === "text/event-stream") return "sse";
  if (essence === "application/x-www-form-urlencoded") return "form";
  if (essence.startsWith("multipart/")) return "multipart";
  if (essence.startsWith("text/") || TEXTUAL.test(essence)) return "text";
  return "binary";
}

/** JSON, or a wildcard that readers treat as JSON: documented first in the model's content lists. */
export function isJsonLike(mediaType: string): boolean {
  const cls = mediaClass(mediaType);
  return cls === "json" || cls === "any";
}
