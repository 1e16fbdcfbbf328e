import type { PaginationModel } from "./types.js";

/** Reads the `x-pagination` extension; anything malformed means "no pagination" rather than a guess. */
export function readPagination(raw: unknown): PaginationModel | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const value = raw as Record<string, unknown>;
  const pointer = (v: unknown) => (typeof v === "string" ? v.replace(/^\$response\.body#/, "") : undefined);
  const cursorParam = typeof value.cursorParam === "string" ? value.cursorParam : undefined;
  const nextCursor = pointer(value.nextCursor);
  const items = pointer(value.items);
  if (value.style !== "cursor" || !cursorParam || nextCursor === undefined || items === undefined) return undefined;
  return {
    style: "cursor",
    cursorParam,
    cursorIn: value.cursorIn === "body" ? "body" : "query",
    nextCursor,
    hasMore: pointer(value.hasMore),
    items,
  };
}
