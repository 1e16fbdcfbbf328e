/**
 * Paged answers for list operations in every style the model knows (declared by `x-pagination` or detected):
 * cursor (query or body), offset/limit, page number, an RFC 8288 `Link` header, and a next-page URL in the body.
 * Every list has PAGES pages: the first points at the next the way its style says, the last says there is no
 * more, and pages past the end are empty. Enough for a generated client's `…All()` to prove it advances and stops.
 * For link and next-URL styles the server chooses the URL; the mock names its page with its own query member.
 */
import type { PaginationModel } from "../openapi/pagination.js";
import { atPointer, isRecord, pointerOf, pointerSegments } from "../openapi/pointer.js";

export const PAGES = 2;
/** The query member the mock's own next-page URLs carry (link and next-URL styles). */
export const PAGE_MEMBER = "mock_page";
const CURSOR = "mock-page-";

/** Which page a request asks for, and the URL it was sent to (next-page URLs are built from it). */
export interface PageAsked {
  /** 1-based; for offset style derived from `offset` once the page size is known. */
  page: number;
  offset: number;
  url: URL;
}

/** How the last page says "no next": the member removed, or (when the schema requires it) null or "". */
export type NoNext = undefined | null | "";

export interface PagedBody {
  body: unknown;
  headers?: Record<string, string>;
}

const positive = (text: string | null | undefined): number | undefined =>
  text != null && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;

export function pageAsked(pagination: PaginationModel, url: URL, body: unknown): PageAsked {
  const query = url.searchParams;
  const asked: PageAsked = { page: 1, offset: 0, url };
  switch (pagination.style) {
    case "cursor": {
      const raw =
        pagination.cursorIn === "query" ? query.get(pagination.cursorParam) : record(body)[pagination.cursorParam];
      const cursor = typeof raw === "string" || typeof raw === "number" ? String(raw) : "";
      // Our own cursors name their page; any other non-empty cursor is taken as the last page.
      if (cursor !== "")
        asked.page = cursor.startsWith(CURSOR) ? (positive(cursor.slice(CURSOR.length)) ?? PAGES) : PAGES;
      break;
    }
    case "offset":
      asked.offset = /^\d{1,9}$/.test(query.get(pagination.offsetParam) ?? "")
        ? Number(query.get(pagination.offsetParam))
        : 0;
      break;
    case "page":
      asked.page = positive(query.get(pagination.pageParam)) ?? 1;
      break;
    default:
      asked.page = positive(query.get(PAGE_MEMBER)) ?? 1;
  }
  return asked;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The page `asked` of a list whose every page looks like `body`. */
export function paginate(body: unknown, pagination: PaginationModel, asked: PageAsked, noNext: NoNext): PagedBody {
  let copy = structuredClone(body);
  const items = atPointer(copy, pagination.items);
  const size = Array.isArray(items) ? items.length : 0;
  const page = pagination.style === "offset" ? (size === 0 ? 1 : Math.floor(asked.offset / size) + 1) : asked.page;
  const last = page >= PAGES;
  if (page > PAGES) copy = setAt(copy, pagination.items, []);
  if ("hasMore" in pagination && pagination.hasMore !== undefined) copy = setAt(copy, pagination.hasMore, !last);
  switch (pagination.style) {
    case "cursor":
      return { body: setAt(copy, pagination.nextCursor, last ? noNext : `${CURSOR}${page + 1}`) };
    case "offset":
      return { body: pagination.total !== undefined ? setAt(copy, pagination.total, PAGES * size) : copy };
    case "page":
      return { body: pagination.totalPages !== undefined ? setAt(copy, pagination.totalPages, PAGES) : copy };
    case "link":
      return last ? { body: copy } : { body: copy, headers: { Link: `<${pageUrl(asked.url, page + 1)}>; rel="next"` } };
    case "nextUrl":
      return { body: setAt(copy, pagination.nextUrl, last ? noNext : pageUrl(asked.url, page + 1)) };
  }
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url.href);
  next.searchParams.set(PAGE_MEMBER, String(page));
  return next.href;
}

/** Sets (or, for `undefined`, removes) the value at a JSON Pointer whose parent exists; "" replaces the root. */
function setAt(root: unknown, pointer: string, value: unknown): unknown {
  const segments = pointerSegments(pointer);
  const key = segments.pop();
  if (key === undefined) return value === undefined ? root : value;
  const parent = atPointer(root, pointerOf(segments));
  if (Array.isArray(parent) || !isRecord(parent)) return root;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return root;
}
