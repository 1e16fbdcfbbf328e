/**
 * OpenAPI 3.2 documents are accepted: the `query` method, `additionalOperations` (any method) and sequential media
 * types with `itemSchema`, from loading through types, client, validators and mock, over real HTTP.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { cleanupScratch, generateInto, typecheck } from "./helpers.js";

const SPEC = "test/fixtures/oas32.yaml";

interface SearchClient {
  searchItems(body: { term: string }): Promise<unknown>;
  getItem(id: string): Promise<unknown>;
  purgeItem(id: string): Promise<unknown>;
  feedEvents(options?: Record<string, unknown>): AsyncIterable<{ data: unknown; id?: string }>;
  countsEvents(options?: Record<string, unknown>): AsyncIterable<{ data: unknown; id?: string }>;
}

let dir: string;
let mock: MockServer;
let client: SearchClient;

beforeAll(async () => {
  dir = await generateInto(SPEC, "search", { validators: true });
  const mod = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as {
    createSearchClient: (options: Record<string, unknown>) => SearchClient;
  };
  mock = await startMock({ file: SPEC });
  client = mod.createSearchClient({ baseUrl: mock.url, validation: "strict" });
});
afterAll(async () => {
  await mock?.close();
  await cleanupScratch();
});

describe("OpenAPI 3.2", () => {
  it("generates a client that type-checks, events typed from itemSchema", async () => {
    await writeFile(
      path.join(dir, "type-tests.ts"),
      `import { expectTypeOf } from "vitest";
import { createSearchClient } from "./index.js";
const c = createSearchClient({});
export async function check(): Promise<void> {
  for await (const event of c.feedEvents()) {
    // JSON carried in a string (contentMediaType + contentSchema): typed from contentSchema.
    expectTypeOf(event.data).toEqualTypeOf<{ id: string; name?: string }>();
    // @ts-expect-error not a member of Item
    void event.data.price;
  }
  for await (const event of c.countsEvents()) expectTypeOf(event.data).toEqualTypeOf<number>();
}
`,
    );
    expect(await typecheck(dir, { strictest: true })).toEqual({ ok: true, output: "" });
  });

  it("sends the QUERY method with its body, and the mock routes and validates it", async () => {
    await expect(client.searchItems({ term: "lamp" })).resolves.toMatchObject({ term: "lamp" });
    const refused = await fetch(`${mock.url}/search`, {
      method: "QUERY",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ term: "x".repeat(21) }),
    });
    expect(refused.status).toBe(400);
  });

  it("calls an additionalOperations method (PURGE)", async () => {
    await expect(client.purgeItem("i1")).resolves.toBeUndefined();
    expect((await fetch(`${mock.url}/items/i1`, { method: "PURGE" })).status).toBe(204);
  });

  it("streams events described by itemSchema, JSON data in a string parsed", async () => {
    const events: unknown[] = [];
    for await (const event of client.feedEvents({ headers: { "x-mock-sse-events": "3" } })) events.push(event.data);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ id: expect.any(String) as unknown });
    const counts: unknown[] = [];
    for await (const event of client.countsEvents({ headers: { "x-mock-sse-events": "2" } })) counts.push(event.data);
    expect(counts).toEqual([expect.any(Number), expect.any(Number)]);
  });
});
