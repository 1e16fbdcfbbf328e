/**
 * The mock's synthesised data is realistic and deterministic: values come from formats, property names and
 * examples (never the literal "string"), agree with each other (one person per seed), and vary only with the seed.
 */
import { describe, expect, it } from "vitest";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { startMock } from "../../generator/mock/server.js";
import { synthesize } from "../../generator/mock/synth.js";

const contact = {
  type: "object",
  properties: {
    id: { type: "string" },
    account_id: { type: "string" },
    name: { type: "string" },
    first_name: { type: "string" },
    email: { type: "string", format: "email" },
    phone: { type: "string", maxLength: 12 },
    avatar_url: { type: "string" },
    city: { type: "string" },
    age: { type: "integer", minimum: 0, maximum: 150 },
    created: { type: "string", format: "date-time" },
    nickname: { type: "string", example: "Countess" },
    orgunit: { type: "string" },
    tags: { type: "array", items: { type: "string" } },
  },
};
const registry = new SchemaRegistry({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} });
const check = (value: unknown): boolean =>
  new SchemaRegistry({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: { contact } },
  })
    .check("/components/schemas/contact", { direction: "response", prefix: "" })
    .run(value).issues.length === 0;

describe("realistic synthesis", () => {
  it("derives values from formats, names and examples", () => {
    const value = synthesize(registry.document, contact, { seed: 0 }) as Record<string, unknown>;
    expect(value).toMatchObject({
      name: "Ada Lovelace",
      first_name: "Ada",
      email: "ada.lovelace@example.com",
      phone: expect.stringMatching(/^\+1415555\d{4}$/),
      avatar_url: "https://example.com/avatars/ada.png",
      city: "London",
      age: 36,
      created: "2024-05-14T09:30:00Z",
      nickname: "Countess",
      orgunit: "Orgunit 1",
      id: expect.stringMatching(/^id_[0-9a-f]{8}$/),
      account_id: expect.stringMatching(/^acc_[0-9a-f]{8}$/),
    });
    expect(JSON.stringify(value)).not.toMatch(/"string"/);
    expect(check(value)).toBe(true);
  });

  it("is deterministic per seed and varies with it", () => {
    const at = (seed: number) => synthesize(registry.document, contact, { seed });
    expect(at(3)).toEqual(at(3));
    expect((at(1) as { name: string }).name).toBe("Grace Hopper");
    expect((at(1) as { email: string }).email).toBe("grace.hopper@example.com");
    expect(at(1)).not.toEqual(at(0));
  });

  it("keeps bounds: a name-derived value that does not fit falls back within them", () => {
    const value = synthesize(registry.document, {
      type: "object",
      properties: { name: { type: "string", maxLength: 4 } },
    });
    expect((value as { name: string }).name.length).toBeLessThanOrEqual(4);
  });

  it("serves seeded realistic data over HTTP", async () => {
    const mock = await startMock({ file: "specs/pylon/openapi.yaml", seed: 2 });
    try {
      const res = await fetch(`${mock.url}/contacts/con_1?limit=5`, { headers: { authorization: "Bearer t" } });
      const body = (await res.json()) as { data: Record<string, unknown> };
      expect(res.status).toBe(200);
      expect(body.data).toMatchObject({ id: "con_1", name: "Alan Turing", email: "alan.turing@example.com" });
    } finally {
      await mock.close();
    }
  });
});
