/**
 * The loader's quick structural check (generator/load/quick-check.ts, ADR 0118) may only ever answer "clean" where
 * Redocly's full bundle walk reports nothing and changes nothing: loadDocument with it and without it
 * (`quickCheck: false`) must give the same document, the same warnings or the same error, on the corpus, on every
 * YAML fixture written as JSON, on planted documents that must go to Redocly, and on random mutations.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadDocument, structuralConfig } from "../../generator/load/load.js";
import { quickStructuralCheck } from "../../generator/load/quick-check.js";
import { CORPUS, NO_CORPUS } from "../support/shared.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-quick-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Outcome = { doc: unknown; warnings: string[] } | { error: string };

async function outcome(file: string, quickCheck: boolean): Promise<Outcome> {
  try {
    const { doc, warnings } = await loadDocument(file, { quickCheck });
    return { doc, warnings };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Whether the quick check answers "clean" for this JSON text (on its own parse, which it may change). */
async function quickClean(text: string): Promise<boolean> {
  const { config, struct } = await structuralConfig();
  return quickStructuralCheck(JSON.parse(text), text, config, struct);
}

/**
 * Loads `text` (JSON) both ways and requires the same outcome; answers whether the quick check took it. When it
 * declines, loadDocument runs the bundle path either way (the check changes nothing then), so only the documents
 * it takes are loaded twice.
 */
async function sameBothWays(text: string, name = `case-${counter++}.json`): Promise<boolean> {
  if (!(await quickClean(text))) return false;
  const file = path.join(dir, name);
  await writeFile(file, text);
  expect(await outcome(file, true)).toEqual(await outcome(file, false));
  return true;
}

const json = (doc: unknown) => JSON.stringify(doc, null, 2);

/** A small document using most of what the quick check walks: components, refs, refs with siblings, extensions. */
const BASE = {
  openapi: "3.1.0",
  info: { title: "t", version: "1", "x-logo": { url: "x" } },
  tags: [{ name: "a" }],
  paths: {
    "/a/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      get: {
        operationId: "getA",
        tags: ["a"],
        "x-flag": true,
        responses: {
          "200": {
            description: "ok",
            headers: { "X-Rate": { schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/A", description: "the A" } } },
          },
          default: { $ref: "#/components/responses/Problem" },
        },
      },
      post: {
        requestBody: {
          content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/B" } } } },
        },
        responses: { "204": { description: "none" } },
      },
    },
  },
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 5 } } },
    responses: {
      Problem: {
        description: "p",
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/B" } } },
      },
    },
    schemas: {
      A: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "string" },
          b: { $ref: "#/components/schemas/B" },
          list: { type: "array", items: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/A" }] } },
        },
        additionalProperties: false,
      },
      B: { type: "object", properties: { n: { type: ["number", "null"], minimum: 0 } }, "x-extra": [1, 2] },
    },
    securitySchemes: { key: { type: "apiKey", name: "k", in: "header" } },
  },
  security: [{ key: [] }],
};

describe("quick structural check", () => {
  it.skipIf(NO_CORPUS)(
    "takes Stripe and Twilio, with the same result as Redocly's walk",
    async () => {
      for (const name of ["stripe-spec3.json", "twilio-messaging-v1.json"]) {
        const text = readFileSync(path.join(CORPUS, name), "utf8");
        expect(await sameBothWays(text, name), name).toBe(true);
      }
    },
    60_000,
  );

  it("gives every YAML fixture and spec, written as JSON, the same result as Redocly's walk", async () => {
    const files = [
      ...["ctrlhub", "emnify", "kare", "piriod", "pylon"].map((api) => `specs/${api}/openapi.yaml`),
      ...readdirSync(path.join(ROOT, "test/fixtures"))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => `test/fixtures/${f}`),
      ...(NO_CORPUS ? [] : readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith("openai"))),
    ];
    let quick = 0;
    for (const file of files) {
      const source = file.includes("/") ? path.join(ROOT, file) : path.join(CORPUS, file);
      if (await sameBothWays(json(parse(readFileSync(source, "utf8"))))) quick++;
    }
    // The quick path must actually be exercised here, not only the fallback.
    expect(quick).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it("takes a clean document with refs beside siblings, extensions and recursion", async () => {
    expect(await sameBothWays(json(BASE))).toBe(true);
    // Without `components` the bundle adds an empty one; so must the quick check.
    const bare = {
      openapi: "3.1.0",
      info: BASE.info,
      paths: { "/x": { get: { responses: { "200": { description: "ok" } } } } },
    };
    expect(await sameBothWays(json(bare))).toBe(true);
    const B = { type: "object", properties: { n: { type: "number", nullable: true, minimum: 0 } } };
    const schemas = { ...BASE.components.schemas, B };
    expect(await sameBothWays(json({ ...BASE, openapi: "3.0.3", components: { ...BASE.components, schemas } }))).toBe(
      true,
    );
  });

  // Each of these must go to Redocly (a finding, or something the bundle rewrites); the outcome stays the same.
  const schemas = BASE.components.schemas;
  const planted: Array<[string, unknown]> = [
    ["a field of the wrong type", { ...BASE, paths: [] }],
    ["a missing required field", { ...BASE, info: { version: "1" } }],
    ["an unknown field", { ...BASE, extra: 1 }],
    [
      "an enum value Redocly refuses",
      { ...BASE, components: { ...BASE.components, parameters: { Id: { name: "id", in: "body", schema: {} } } } },
    ],
    [
      "an unresolved $ref",
      {
        ...BASE,
        components: { ...BASE.components, schemas: { ...schemas, C: { $ref: "#/components/schemas/Nope" } } },
      },
    ],
    [
      "a bad member beside a $ref",
      {
        ...BASE,
        components: {
          ...BASE.components,
          schemas: { ...schemas, C: { $ref: "#/components/schemas/B", properties: 5 } },
        },
      },
    ],
    [
      "a $ref to a $ref",
      {
        ...BASE,
        components: {
          ...BASE.components,
          schemas: { ...schemas, C: { $ref: "#/components/schemas/D" }, D: { $ref: "#/components/schemas/A" } },
        },
      },
    ],
    [
      "a percent-escaped $ref",
      { ...BASE, components: { ...BASE.components, schemas: { ...schemas, C: { $ref: "#/components/schemas/%41" } } } },
    ],
    ["a $ref where a scalar belongs", { ...BASE, info: { ...BASE.info, description: { $ref: "#/info/title" } } }],
    [
      "an external $ref",
      { ...BASE, components: { ...BASE.components, schemas: { ...schemas, C: { $ref: "other.json#/C" } } } },
    ],
    [
      "a whole-document $ref",
      { ...BASE, components: { ...BASE.components, schemas: { ...schemas, C: { $ref: "#" } } } },
    ],
    [
      "a component name the rule refuses",
      { ...BASE, components: { ...BASE.components, schemas: { ...schemas, "a b": { type: "string" } } } },
    ],
    [
      "a discriminator mapping",
      {
        ...BASE,
        components: {
          ...BASE.components,
          schemas: {
            ...schemas,
            C: {
              oneOf: [{ $ref: "#/components/schemas/A" }],
              discriminator: { propertyName: "id", mapping: { a: "#/components/schemas/A" } },
            },
          },
        },
      },
    ],
    [
      "an example's externalValue",
      { ...BASE, components: { ...BASE.components, examples: { E: { externalValue: "e.json" } } } },
    ],
    [
      "a document nested past the load limit",
      { ...BASE, "x-deep": JSON.parse(`${"[".repeat(210)}${"]".repeat(210)}`) },
    ],
  ];
  it.each(planted)("goes to Redocly for %s, with the same result", async (_, doc) => {
    expect(await sameBothWays(json(doc))).toBe(false);
  });

  it("gives random mutations of a document the same result as Redocly's walk", async () => {
    const refs = ["#/components/schemas/A", "#/components/schemas/B", "#/components/schemas/Z", "#/paths", "#/info"];
    const step = fc.record({
      at: fc.nat(),
      key: fc.nat(),
      op: fc.constantFrom("delete", "value", "ref", "sibling", "unknown", "rename"),
      value: fc.jsonValue({ maxDepth: 2 }),
      ref: fc.constantFrom(...refs),
      name: fc.constantFrom("x-a", "type", "description", "items", "properties", "nope", "a b", "$ref"),
    });
    let quick = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
        const doc = structuredClone(BASE) as unknown;
        for (const s of steps) {
          const nodes: Array<Record<string, unknown>> = [];
          const stack: unknown[] = [doc];
          while (stack.length > 0) {
            const node = stack.pop();
            if (node === null || typeof node !== "object") continue;
            nodes.push(node as Record<string, unknown>);
            stack.push(...Object.values(node));
          }
          const node = nodes[s.at % nodes.length] as Record<string, unknown>;
          const keys = Object.keys(node);
          const key = keys[s.key % Math.max(keys.length, 1)];
          if (key === undefined) continue;
          if (s.op === "delete") delete node[key];
          else if (s.op === "value") node[key] = s.value;
          else if (s.op === "ref") node[key] = { $ref: s.ref };
          else if (s.op === "sibling") node[key] = { $ref: s.ref, [s.name]: s.value };
          else if (s.op === "unknown") node[s.name] = s.value;
          else {
            node[s.name] = node[key];
            delete node[key];
          }
        }
        if (await sameBothWays(json(doc))) quick++;
      }),
      { seed: 20261129, numRuns: 150 },
    );
    // Both answers must be exercised: mutations that stay clean, and ones Redocly must see.
    expect(quick).toBeGreaterThan(10);
    expect(quick).toBeLessThan(140);
  }, 120_000);
});
