/**
 * The mock pages every list in each style the model knows, and a generated client's `…All()` (the runtime's
 * paginate()) walks each one to its end over real HTTP: cursor in the query and in the body (declared and
 * detected), offset/limit with a total and without one (an empty page ends it), page numbers with a total and
 * with a has-more flag, an RFC 8288 Link header and a next-page URL in the body. Fixture:
 * test/fixtures/pagination.yaml.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES } from "../../generator/mock/paginate.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { cleanupScratch, generateInto } from "../generator/helpers.js";

type Pager = (...args: unknown[]) => AsyncIterable<{ id: string }>;
interface PagesModule {
  createPagesClient: (options: Record<string, unknown>) => Record<string, Pager>;
}

const SPEC = "test/fixtures/pagination.yaml";
let mod: PagesModule;
let mock: MockServer;

beforeAll(async () => {
  const dir = await generateInto(SPEC, "pages");
  mod = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as PagesModule;
  mock = await startMock({ file: SPEC });
}, 120_000);
afterAll(async () => {
  await mock?.close();
  await cleanupScratch();
});

/** Walks a pager to its end, recording every URL (and body) the client fetched and every item it yielded. */
async function walk(method: string, ...args: unknown[]): Promise<{ urls: string[]; items: unknown[] }> {
  const urls: string[] = [];
  const fetchCounting = async (input: Request | string | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body =
      input instanceof Request ? await input.clone().text() : typeof init?.body === "string" ? init.body : "";
    urls.push(`${url.pathname}${url.search}${body ? ` ${body}` : ""}`);
    return fetch(input, init);
  };
  const client = mod.createPagesClient({ baseUrl: mock.url, retry: false, fetch: fetchCounting });
  const items: unknown[] = [];
  for await (const item of client[method]!(...args)) items.push(item);
  return { urls, items };
}

// [pager, arguments, pages fetched, how the last request asks for its page]
const CASES: Array<[string, unknown[], number, RegExp]> = [
  ["listCursorQueryAll", [], PAGES, /\?cursor=mock-page-2$/],
  ["searchCursorBodyAll", [{ q: "x" }], PAGES, /^\/v1\/cursor\/body {"q":"x","page_token":"mock-page-2"}$/],
  ["listCursorDetectedAll", [], PAGES, /\?starting_after=mock-page-2$/],
  ["listOffsetTotalAll", [{ query: { limit: 3 } }], PAGES, /\?limit=3&offset=3$/],
  // No total and no flag: the client asks once more and the empty page past the end stops it.
  ["listOffsetOpenAll", [], PAGES + 1, /\?skip=\d+$/],
  ["listPageTotalAll", [], PAGES, /\?page=2$/],
  ["listPageMoreAll", [], PAGES, /\?p=2$/],
  ["listLinkAll", [], PAGES, /\?mock_page=2$/],
  ["listNextUrlAll", [], PAGES, /\?mock_page=2$/],
];

describe("mock pagination, walked by a generated client", () => {
  it.each(CASES)("%s walks every page to the end", async (method, args, pages, lastUrl) => {
    const { urls, items } = await walk(method, ...args);
    expect(urls).toHaveLength(pages);
    expect(urls.at(-1)).toMatch(lastUrl);
    expect(new Set(urls).size, "no page is fetched twice").toBe(urls.length);
    expect(items.length).toBeGreaterThanOrEqual(PAGES);
    for (const item of items) expect(item).toMatchObject({ id: expect.any(String) });
  });

  it("offset pages advance by the page size and add up to the total", async () => {
    const { urls, items } = await walk("listOffsetTotalAll", { query: { limit: 3 } });
    expect(urls).toEqual(["/v1/offset/total?limit=3", "/v1/offset/total?limit=3&offset=3"]);
    expect(items).toHaveLength(PAGES * 3);
  });

  it("a page past the end is empty, and the last page says there is no next one", async () => {
    const past = await fetch(`${mock.url}/offset/open?skip=1000`);
    expect(await past.json()).toEqual({ rows: [] });
    const last = await fetch(`${mock.url}/cursor/query?cursor=mock-page-${PAGES}`);
    expect(await last.json()).toMatchObject({ meta: { next: null, has_more: false } });
    const lastLink = await fetch(`${mock.url}/link?mock_page=${PAGES}`);
    expect(lastLink.headers.get("link")).toBeNull();
    const first = await fetch(`${mock.url}/link`);
    expect(first.headers.get("link")).toBe(`<${mock.url}/link?mock_page=2>; rel="next"`);
  });
});
