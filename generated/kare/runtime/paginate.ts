/**
 * Cursor pagination as an async iterator: request a page, yield its items, follow the next cursor until the page
 * says there is no more (or the cursor is empty or repeats, which would otherwise loop forever).
 */
export interface PaginationSpec {
  cursorParam: string;
  cursorIn: "query" | "body";
  /** JSON Pointers into the page (`/pagination/cursor`); a `$response.body#` prefix is accepted. */
  nextCursor: string;
  hasMore?: string;
  items: string;
}

export async function* paginate<Item>(
  spec: PaginationSpec,
  fetchPage: (cursor: string | undefined) => Promise<unknown>,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    const items = atPointer(page, spec.items);
    if (Array.isArray(items)) for (const item of items) yield item as Item;
    if (spec.hasMore !== undefined && atPointer(page, spec.hasMore) === false) return;
    const next = atPointer(page, spec.nextCursor);
    if (typeof next !== "string" && typeof next !== "number") return;
    const nextCursor = String(next);
    if (nextCursor === "" || seen.has(nextCursor)) return;
    seen.add(nextCursor);
    cursor = nextCursor;
  }
}

export function atPointer(value: unknown, pointer: string): unknown {
  const hash = pointer.indexOf("#");
  const path = hash >= 0 ? pointer.slice(hash + 1) : pointer;
  if (path === "") return value;
  let current = value;
  for (const raw of path.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
