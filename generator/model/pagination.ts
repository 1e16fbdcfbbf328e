/**
 * Pagination of a list operation: declared by the `x-pagination` extension (read by generator/openapi/pagination.ts),
 * else detected from common shapes (a `Link` response header; a next-URL, next-cursor, offset or page parameter
 * beside an array of items).
 */
import type { OpenApiDocument, OperationObject, SchemaObject } from "../load/openapi-types.js";
import { deref } from "../openapi/pointer.js";
import { isJsonMedia } from "../openapi/media-types.js";
import type { PaginationModel, ParameterModel } from "./types.js";

const ITEM_NAMES = ["data", "items", "results", "records", "entries"];
const CURSOR_PARAMS = [
  "cursor",
  "page_token",
  "pageToken",
  "after",
  "starting_after",
  "next_token",
  "continuation_token",
];
const NEXT_CURSOR = [
  "next_cursor",
  "nextCursor",
  "next_page_token",
  "nextPageToken",
  "next_page",
  "cursor",
  "end_cursor",
  "endCursor",
  "last_id",
];
const NEXT_URL = ["next_url", "nextUrl", "next_page_url", "nextPageUrl", "next"];
const HAS_MORE = ["has_more", "hasMore", "has_next_page", "hasNextPage"];
const TOTAL = ["total", "total_count", "totalCount", "count"];
const TOTAL_PAGES = ["total_pages", "totalPages", "last_page", "lastPage"];
const CONTAINERS = [
  "",
  "pagination",
  "meta",
  "page_info",
  "pageInfo",
  "links",
  "_links",
  "response_metadata",
  "paging",
];

type Props = Record<string, SchemaObject>;

function propsOf(doc: OpenApiDocument, schema: unknown, depth = 0): Props {
  if (schema === null || typeof schema !== "object" || depth > 8) return {};
  const resolved = deref<SchemaObject>(doc, schema as SchemaObject);
  const out: Props = {};
  for (const [key, value] of Object.entries(resolved.properties ?? {})) {
    if (typeof value === "object") out[key] = deref<SchemaObject>(doc, value);
  }
  for (const part of (resolved.allOf ?? []) as unknown[]) Object.assign(out, propsOf(doc, part, depth + 1));
  return out;
}

const isType = (schema: SchemaObject | undefined, type: string) =>
  schema !== undefined && (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type)));

/** The first of `names` found at the root or inside a usual container object, as a JSON Pointer. */
function find(doc: OpenApiDocument, root: Props, names: string[], type: string[]): string | undefined {
  for (const container of CONTAINERS) {
    const props = container === "" ? root : root[container] ? propsOf(doc, root[container]) : undefined;
    if (!props) continue;
    for (const candidate of names) {
      const schema = props[candidate];
      if (schema && type.some((t) => isType(schema, t)))
        return container === "" ? `/${candidate}` : `/${container}/${candidate}`;
    }
  }
  return undefined;
}

export function detectPagination(
  doc: OpenApiDocument,
  method: string,
  operation: OperationObject,
  query: ParameterModel[],
): PaginationModel | undefined {
  if (method !== "get") return undefined;
  const success = Object.keys(operation.responses ?? {}).find((s) => /^2\d\d$/.test(s));
  if (!success) return undefined;
  const response = deref<{ content?: Record<string, { schema?: SchemaObject }>; headers?: Record<string, unknown> }>(
    doc,
    (operation.responses ?? {})[success] as object,
  );
  const json = Object.entries(response.content ?? {}).find(([m]) => isJsonMedia(m));
  const schema = json?.[1].schema ? deref<SchemaObject>(doc, json[1].schema) : undefined;
  if (!schema) return undefined;
  const root = propsOf(doc, schema);
  const arrays = Object.keys(root).filter((k) => isType(root[k], "array"));
  const itemKey = ITEM_NAMES.find((n) => arrays.includes(n)) ?? (arrays.length === 1 ? arrays[0] : undefined);
  const items = isType(schema, "array") ? "" : itemKey !== undefined ? `/${itemKey}` : undefined;
  if (items === undefined) return undefined;
  const params = new Set(query.map((p) => p.name));
  // A string `page` is a page token (Stripe search, OpenAI usage), a number is a page number.
  const pageParam = query.find((p) => p.name === "page");
  const pageIsToken = pageParam !== undefined && isType(deref<SchemaObject>(doc, pageParam.schema), "string");
  if (Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === "link")) return { style: "link", items };
  if (items === "") return undefined;
  const hasMore = find(doc, root, HAS_MORE, ["boolean"]);
  const extra = hasMore !== undefined ? { hasMore } : {};
  const cursorParam = [...CURSOR_PARAMS, ...(pageIsToken ? ["page"] : [])].find((p) => params.has(p));
  const nextCursor = cursorParam ? find(doc, root, NEXT_CURSOR, ["string", "integer"]) : undefined;
  if (cursorParam && nextCursor)
    return { style: "cursor", cursorParam, cursorIn: "query", nextCursor, items, ...extra };
  const nextUrl = find(doc, root, NEXT_URL, ["string"]);
  if (nextUrl && (nextUrl.includes("link") || /url/i.test(nextUrl) || isUri(doc, root, nextUrl))) {
    return { style: "nextUrl", nextUrl, items };
  }
  if (params.has("offset")) {
    const total = find(doc, root, TOTAL, ["integer", "number"]);
    return {
      style: "offset",
      offsetParam: "offset",
      items,
      ...(params.has("limit") ? { limitParam: "limit" } : {}),
      ...(total !== undefined ? { total } : {}),
      ...extra,
    };
  }
  if (params.has("page") && !pageIsToken) {
    const totalPages = find(doc, root, TOTAL_PAGES, ["integer", "number"]);
    return { style: "page", pageParam: "page", items, ...(totalPages !== undefined ? { totalPages } : {}), ...extra };
  }
  return undefined;
}

function isUri(doc: OpenApiDocument, root: Props, at: string): boolean {
  const [container, key] = at.split("/").slice(1);
  const props = key === undefined ? root : propsOf(doc, root[container!]);
  const schema = props[key ?? container!];
  return typeof schema?.format === "string" && /^uri/.test(schema.format);
}
