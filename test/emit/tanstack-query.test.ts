/**
 * The TanStack Query emitter's committed output (generated/pylon/tanstack-query.ts, type-checked with the rest of
 * generated/ under tsconfig.strictest.json) driven by a real QueryClient against the real mock over HTTP on
 * 127.0.0.1: a query, a mutation, and an infinite query that follows the mock's two-page cursor and stops.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  InfiniteQueryObserver,
  MutationObserver,
  QueryClient,
  type FetchInfiniteQueryOptions,
} from "@tanstack/query-core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createPylonClient, ApiError } from "../../generated/pylon/index.js";
import * as factories from "../../generated/pylon/tanstack-query.js";
import { PAGES } from "../../generator/mock/paginate.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import type { components } from "../../generated/pylon/types.js";
import { DEFAULT_EMITTERS } from "../../generator/emit/registry.js";
import { cleanupScratch, generateInto } from "../generator/helpers.js";
import { typecheckDirs7 } from "../support/typecheck7.js";

let mock: MockServer;
let queryClient: QueryClient;
let client: ReturnType<typeof createPylonClient>;

beforeAll(async () => {
  // The mock accepts this one token, so another gets a real 401.
  mock = await startMock({ file: "specs/pylon/openapi.yaml", credentials: { bearerAuth: "t0ken" } });
  client = createPylonClient({ baseUrl: mock.url, auth: { bearerAuth: "t0ken" }, retry: false });
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
});
afterAll(async () => {
  queryClient?.clear();
  await mock?.close();
  await cleanupScratch();
});

describe("tanstack-query.ts over the mock", () => {
  it("a query fetches the parsed body, cached under a key that holds every argument", async () => {
    const options = factories.getContactQueryOptions(client, "c_1", { query: { limit: 10 } });
    expect(options.queryKey).toEqual(["pylon", "getContact", "c_1", { query: { limit: 10 } }]);
    const result = await queryClient.fetchQuery(options);
    expect(result.data).toMatchObject({ id: expect.any(String) });
    const cached = queryClient.getQueryData(options.queryKey);
    expect(cached).toBe(result);
    // The DataTag on the key carries the response type into getQueryData.
    expectTypeOf(cached).toEqualTypeOf<typeof result | undefined>();
    expectTypeOf(result.data).toEqualTypeOf<components["schemas"]["Contact"] | undefined>();
  });

  it("a mutation sends the client method's arguments and resolves to the parsed body", async () => {
    const observer = new MutationObserver(queryClient, factories.createContactMutationOptions(client));
    const created = await observer.mutate([{ name: "Ada Lovelace", email: "ada@example.com" }]);
    expect(created.data).toMatchObject({ id: expect.any(String) });
    expect(observer.getCurrentResult().status).toBe("success");
  });

  it("an HTTP error rejects the query with the client's ApiError", async () => {
    const stranger = createPylonClient({ baseUrl: mock.url, auth: { bearerAuth: "wrong" }, retry: false });
    const options = factories.getContactQueryOptions(stranger, "c_2", { query: { limit: 1 } });
    const error: unknown = await queryClient.fetchQuery(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(queryClient.getQueryState(options.queryKey)?.status).toBe("error");
  });

  it("an infinite query follows the cursor page by page and stops where the mock says there is no more", async () => {
    const observer = new InfiniteQueryObserver(queryClient, factories.listContactsInfiniteQueryOptions(client));
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      await observer.refetch();
      const first = observer.getCurrentResult();
      expect(first.data?.pages).toHaveLength(1);
      expect(first.hasNextPage).toBe(true);
      const firstCursor = first.data?.pages[0]?.pagination.cursor;
      expect(firstCursor).toEqual(expect.any(String));
      const result = await observer.fetchNextPage();
      expect(result.data?.pages).toHaveLength(2);
      expect(result.data?.pageParams).toEqual([undefined, firstCursor]);
      expect(result.hasNextPage).toBe(false);
    } finally {
      unsubscribe();
    }
  });

  it("an infinite query whose cursor travels in the body (searchContacts)", async () => {
    const options = factories.searchContactsInfiniteQueryOptions(client, { limit: 5 });
    const data = await queryClient.fetchInfiniteQuery({ ...options, pages: 3 });
    expect(data.pages).toHaveLength(2);
    expect(typeof data.pageParams[1]).toBe("string");
  });
});

describe("tanstack-query.ts for other documents", () => {
  const emitters = [...DEFAULT_EMITTERS, { name: "tanstack-query" }];
  let pagesDir: string;
  let pagesMock: MockServer;

  beforeAll(async () => {
    pagesDir = await generateInto("test/fixtures/pagination.yaml", "pages", { emitters });
    pagesMock = await startMock({ file: "test/fixtures/pagination.yaml" });
  });
  afterAll(async () => {
    await pagesMock?.close();
  });

  // Every style the model paginates and the mock serves (test/fixtures/pagination.yaml), each walked to its end by
  // a real QueryClient: [factory, arguments, pages fetched].
  const STYLES: Array<[string, unknown[], number]> = [
    ["listCursorQueryInfiniteQueryOptions", [], PAGES],
    ["searchCursorBodyInfiniteQueryOptions", [{ q: "x" }], PAGES],
    ["listCursorDetectedInfiniteQueryOptions", [], PAGES],
    ["listOffsetTotalInfiniteQueryOptions", [{ query: { limit: 3 } }], PAGES],
    // No total and no flag: one more request, and the empty page past the end stops it (as the client's pager).
    ["listOffsetOpenInfiniteQueryOptions", [], PAGES + 1],
    ["listPageTotalInfiniteQueryOptions", [], PAGES],
    ["listPageMoreInfiniteQueryOptions", [], PAGES],
  ];
  it.each(STYLES)("%s pages to the end over HTTP", async (factory, args, pages) => {
    const mod = (await import(pathToFileURL(path.join(pagesDir, "index.ts")).href)) as {
      createPagesClient: (options: Record<string, unknown>) => unknown;
    };
    const factories = (await import(pathToFileURL(path.join(pagesDir, "tanstack-query.ts")).href)) as Record<
      string,
      (
        client: unknown,
        ...args: unknown[]
      ) => FetchInfiniteQueryOptions<unknown, Error, unknown, readonly unknown[], unknown>
    >;
    const pagesClient = mod.createPagesClient({ baseUrl: pagesMock.url, retry: false });
    const data = await new QueryClient().fetchInfiniteQuery({
      ...factories[factory]!(pagesClient, ...args),
      pages: 10,
    });
    expect(data.pages).toHaveLength(pages);
  });

  // files.yaml: offset pagination, binary and multipart bodies, SSE, optional bodies; hostile.yaml: names that are
  // reserved words, clash or are not identifiers. One program under the strictest profile (TypeScript 7).
  it("type-checks under strictest for every pagination style, binary bodies and hostile names", async () => {
    const dirs = [
      pagesDir,
      await generateInto("test/fixtures/files.yaml", "tq-files", { emitters }),
      await generateInto("test/fixtures/hostile.yaml", "tq-hostile", { emitters }),
    ];
    expect(await typecheckDirs7(dirs, "tsconfig.strictest.json")).toEqual([]);
  });
});
