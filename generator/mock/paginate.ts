/**
 * Two-page cursor pagination for operations with `x-pagination`: the first page points at a second one, the
 * second says there is no more. Enough for a client's `listAll()` to prove it follows cursors and stops.
 */
import { getAt, isRecord } from "./pointer.js";
import type { MockPagination } from "./routes.js";

export const SECOND_PAGE = "mock-page-2";

export function cursorOf(pagination: MockPagination, query: URLSearchParams, body: unknown): string | undefined {
  if (pagination.cursorIn === "query") return query.get(pagination.cursorParam) ?? undefined;
  const value = isRecord(body) ? body[pagination.cursorParam] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** On the last page the next cursor is removed, or with `emptyCursor` (when the schema requires it) set to "". */
export function paginate(
  body: unknown,
  pagination: MockPagination,
  cursor: string | undefined,
  emptyCursor = false,
): unknown {
  const copy = structuredClone(body);
  const last = cursor !== undefined && cursor !== "";
  setAt(copy, pagination.nextCursor, last ? (emptyCursor ? "" : undefined) : SECOND_PAGE);
  if (pagination.hasMore) setAt(copy, pagination.hasMore, !last);
  return copy;
}

/** Sets (or, for `undefined`, removes) the value at a JSON Pointer whose parent exists. */
function setAt(root: unknown, pointer: string, value: unknown): void {
  const segments = pointer.split("/").slice(1);
  const key = segments.pop()?.replace(/~1/g, "/").replace(/~0/g, "~");
  const parent = getAt(root, segments.map((s) => `/${encodeURIComponent(s)}`).join(""));
  if (key === undefined || !isRecord(parent)) return;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}
