/**
 * The mock serves every real-world document in the shared corpus: it starts, answers one operation with a body
 * that validates against the document, and refuses an undocumented method.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../generator/load/load.js";
import { HTTP_METHODS } from "../../generator/load/openapi-types.js";
import { follow, fragmentOf, isRecord } from "../../generator/mock/pointer.js";
import { buildRoutes, type MockOperation } from "../../generator/mock/routes.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { synthesize } from "../../generator/mock/synth.js";

const CORPUS = "/work/shared/corpus";
const files = readdirSync(CORPUS)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

const running: MockServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((m) => m.close()));
});

/** Credentials satisfying every scheme the document defines (the mock checks form, not secrets). */
function credentials(doc: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  const schemes =
    isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  for (const key of Object.keys(schemes)) {
    const scheme = follow(doc, fragmentOf(["components", "securitySchemes", key])).value;
    if (!isRecord(scheme)) continue;
    if (scheme.type === "http") headers.authorization = `${String(scheme.scheme ?? "bearer")} dG9rOnRvaw==`;
    if (scheme.type === "oauth2" || scheme.type === "openIdConnect") headers.authorization ??= "Bearer tok";
    if (scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string")
      headers[scheme.name.toLowerCase()] = "key";
  }
  return headers;
}

/** A GET without required query/header parameters or a body: callable from its path alone. */
function simpleGet(ops: MockOperation[]): MockOperation | undefined {
  return ops.find((op) => op.method === "get" && op.params.every((p) => !p.required || p.in === "path"));
}

describe.each(files)("corpus %s", (file) => {
  it("starts, answers one operation as documented and rejects an undocumented method", async () => {
    const loaded = await loadDocument(path.join(CORPUS, file));
    const doc = loaded.doc as unknown as Record<string, unknown>;
    const mock = await startMock({ loaded });
    running.push(mock);
    const ops = buildRoutes(doc).flatMap((r) => Object.values(r.operations));
    const op = simpleGet(ops);
    if (!op) {
      // Webhook-only documents have no paths: everything is 404.
      expect(ops).toEqual([]);
      expect((await fetch(`${mock.url}/anything`)).status).toBe(404);
      return;
    }
    const registry = new SchemaRegistry(doc);
    const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const param = op.params.find((p) => p.in === "path" && p.name === name);
      const schema = param?.schema ? follow(registry.document, param.schema).value : undefined;
      return encodeURIComponent(String(synthesize(registry.document, schema)));
    });
    const res = await fetch(`${mock.url}${url}`, { headers: { ...credentials(doc), accept: "application/json" } });
    const text = await res.text();
    expect(res.status, text).toBeGreaterThanOrEqual(200);
    expect(res.status, text).toBeLessThan(300);
    const media = op.responses
      .find((r) => r.status === String(res.status))
      ?.content.find((m) => m.mediaType === res.headers.get("content-type"));
    if (media?.schema) {
      expect(registry.check(media.schema, { direction: "response", prefix: "" }).run(JSON.parse(text)).issues).toEqual(
        [],
      );
    }
    const unused = HTTP_METHODS.find(
      (m) => m !== "head" && m !== "options" && !ops.some((o) => o.path === op.path && o.method === m),
    );
    if (unused) expect((await fetch(`${mock.url}${url}`, { method: unused.toUpperCase() })).status).toBe(405);
  });
});
