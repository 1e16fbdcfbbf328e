/**
 * The `encoding` object of request media types, for a generated client: what the runtime needs to write each field
 * (content type, style, and for multipart parts the headers the document declares, with their serialisation), and
 * the type of the per-call `partHeaders` option (values typed from each header's schema; required ones required).
 */
import type { EncodingModel, MediaModel, ParameterModel } from "../../model/types.js";
import type { FieldEncoding } from "../../runtime/body.js";
import { EMPTY, join, ts, type Code } from "../code.js";
import { propertyKey } from "../safe.js";
import type { ClientContext } from "./context.js";

function fieldEncoding(encoding: EncodingModel): FieldEncoding {
  const { headers, ...rest } = encoding;
  if (!headers) return rest;
  return {
    ...rest,
    headers: headers.map((h) => ({
      name: h.name,
      ...(h.explode !== undefined ? { explode: h.explode } : {}),
      ...(h.contentMediaType !== undefined ? { content: h.contentMediaType } : {}),
    })),
  };
}

/** Per media type, per field: the runtime's encoding spec. */
export function encodingSpec(media: MediaModel[]): Record<string, Record<string, FieldEncoding>> {
  return Object.fromEntries(
    media.flatMap((m) =>
      m.encoding
        ? [[m.mediaType, Object.fromEntries(Object.entries(m.encoding).map(([k, v]) => [k, fieldEncoding(v)]))]]
        : [],
    ),
  );
}

/** Fields whose parts declare headers (the first media type that declares them for a field wins). */
function partsWithHeaders(media: MediaModel[]): Array<[string, ParameterModel[]]> {
  const out = new Map<string, ParameterModel[]>();
  for (const m of media) {
    for (const [field, encoding] of Object.entries(m.encoding ?? {})) {
      if (encoding.headers && !out.has(field)) out.set(field, encoding.headers);
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `{ file?: { "X-Checksum": string; … } }`, or undefined when no part declares headers. */
export function partHeadersType(ctx: ClientContext, media: MediaModel[]): Code | undefined {
  const parts = partsWithHeaders(media);
  if (parts.length === 0) return undefined;
  const fields = parts.map(([field, headers]) => {
    const members = headers.map((h) => {
      const type = ctx.schemaType(h.schema);
      return ts`${propertyKey(h.name)}${h.required ? EMPTY : ts`?`}: ${type}`;
    });
    return ts`${propertyKey(field)}?: { ${join(members, "; ")} }`;
  });
  return ts`{ ${join(fields, "; ")} }`;
}
