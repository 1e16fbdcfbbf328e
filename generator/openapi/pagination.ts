/**
 * The `x-pagination` extension, read once for the model (and through it the client, the mock and the docs): five
 * styles, cursor, offset, page, link and nextUrl, as generator/runtime/paginate.ts walks them. `style` and `items`
 * are required; a malformed declaration means "no pagination" rather than a guess. Pointers are into the response
 * body: a `$response.body#` prefix (an OpenAPI runtime expression) is accepted and dropped.
 */
import type { PaginationSpec } from "../runtime/paginate.js";

type WithStyle<T> = T extends { style?: infer S } ? Omit<T, "style"> & { style: NonNullable<S> } : never;

/** The runtime's pagination spec, with the style always named. */
export type PaginationModel = WithStyle<PaginationSpec>;

const pointer = (v: unknown) => (typeof v === "string" ? v.replace(/^\$response\.body#/, "") : undefined);
const name = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

export function readPagination(raw: unknown): PaginationModel | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const value = raw as Record<string, unknown>;
  const items = pointer(value.items);
  if (items === undefined) return undefined;
  const hasMore = pointer(value.hasMore);
  const extra = hasMore !== undefined ? { hasMore } : {};
  switch (value.style) {
    case "cursor": {
      const cursorParam = name(value.cursorParam);
      const nextCursor = pointer(value.nextCursor);
      if (!cursorParam || nextCursor === undefined) return undefined;
      const cursorIn = value.cursorIn === "body" ? "body" : "query";
      return { style: "cursor", cursorParam, cursorIn, nextCursor, items, ...extra };
    }
    case "offset": {
      const offsetParam = name(value.offsetParam);
      if (!offsetParam) return undefined;
      const limitParam = name(value.limitParam);
      const total = pointer(value.total);
      return {
        style: "offset",
        offsetParam,
        items,
        ...(limitParam ? { limitParam } : {}),
        ...(total !== undefined ? { total } : {}),
        ...extra,
      };
    }
    case "page": {
      const pageParam = name(value.pageParam);
      if (!pageParam) return undefined;
      const totalPages = pointer(value.totalPages);
      return { style: "page", pageParam, items, ...(totalPages !== undefined ? { totalPages } : {}), ...extra };
    }
    case "link":
      return { style: "link", items };
    case "nextUrl": {
      const nextUrl = pointer(value.nextUrl);
      return nextUrl === undefined ? undefined : { style: "nextUrl", nextUrl, items };
    }
    default:
      return undefined;
  }
}
