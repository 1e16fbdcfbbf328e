/**
 * Pagination as an async iterator over items, in five styles: a cursor (query or body), offset/limit, page
 * numbers, an RFC 8288 `Link: <…>; rel="next"` header, or a next-page URL in the body. Each stops when the page
 * says so (hasMore false, no next cursor/link/URL, total reached) or when a page is empty or repeats a cursor/URL,
 * which would otherwise loop forever. Next URLs are followed only on the API's own origin.
 */
export type PaginationSpec =
  | {
      style?: "cursor";
      cursorParam: string;
      cursorIn: "query" | "body";
      /** JSON Pointers into the page (`/pagination/cursor`); a `$response.body#` prefix is accepted. */
      nextCursor: string;
      hasMore?: string;
      items: string;
    }
  | { style: "offset"; offsetParam: string; limitParam?: string; items: string; hasMore?: string; total?: string }
  | { style: "page"; pageParam: string; items: string; hasMore?: string; totalPages?: string }
  | { style: "link"; items: string }
  | { style: "nextUrl"; nextUrl: string; items: string };

/** How to ask for the next page: extra query/body members, or a whole URL. */
export interface PageStep {
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  url?: string;
}

export interface Page {
  data: unknown;
  response: Response;
  /** The URL the page was fetched from (relative next URLs resolve against it). */
  url: string;
}

export async function* paginate<Item>(
  spec: PaginationSpec,
  start: { query: Record<string, unknown> },
  fetchPage: (step: PageStep | undefined) => Promise<Page>,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let step: PageStep | undefined;
  let offset = Number(start.query[spec.style === "offset" ? spec.offsetParam : ""] ?? 0) || 0;
  let pageNumber = Number(start.query[spec.style === "page" ? spec.pageParam : ""] ?? 1) || 1;
  for (;;) {
    const page = await fetchPage(step);
    const items = atPointer(page.data, spec.items);
    const list = Array.isArray(items) ? (items as Item[]) : [];
    for (const item of list) yield item;
    if ("hasMore" in spec && spec.hasMore !== undefined && atPointer(page.data, spec.hasMore) === false) return;
    const next = nextStep(spec, page, list.length, { offset, pageNumber });
    if (next === undefined) return;
    const key = JSON.stringify(next);
    if (seen.has(key)) return;
    seen.add(key);
    if (spec.style === "offset") offset += list.length;
    if (spec.style === "page") pageNumber += 1;
    step = next;
  }
}

function nextStep(
  spec: PaginationSpec,
  page: Page,
  count: number,
  at: { offset: number; pageNumber: number },
): PageStep | undefined {
  switch (spec.style) {
    case "offset": {
      if (count === 0) return undefined;
      const total = spec.total !== undefined ? atPointer(page.data, spec.total) : undefined;
      if (typeof total === "number" && at.offset + count >= total) return undefined;
      return { query: { [spec.offsetParam]: at.offset + count } };
    }
    case "page": {
      if (count === 0) return undefined;
      const pages = spec.totalPages !== undefined ? atPointer(page.data, spec.totalPages) : undefined;
      if (typeof pages === "number" && at.pageNumber >= pages) return undefined;
      return { query: { [spec.pageParam]: at.pageNumber + 1 } };
    }
    case "link": {
      const target = nextLink(page.response.headers.get("Link"));
      return target === undefined ? undefined : { url: new URL(target, page.url).href };
    }
    case "nextUrl": {
      const target = atPointer(page.data, spec.nextUrl);
      return typeof target === "string" && target !== "" ? { url: new URL(target, page.url).href } : undefined;
    }
    default: {
      const next = atPointer(page.data, spec.nextCursor);
      if (typeof next !== "string" && typeof next !== "number") return undefined;
      const cursor = String(next);
      if (cursor === "") return undefined;
      return spec.cursorIn === "body"
        ? { body: { [spec.cursorParam]: cursor } }
        : { query: { [spec.cursorParam]: cursor } };
    }
  }
}

/** The `rel="next"` target of an RFC 8288 Link header (several links, quoted or bare rel lists). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? "");
    const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rels.includes("next")) return match[1];
  }
  return undefined;
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
