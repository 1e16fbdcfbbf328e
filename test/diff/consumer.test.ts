import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { compareClients } from "../../generator/diff/consumer.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { baseDoc } from "./base-doc.js";

const PROJECT = "test/fixtures/diff-consumer";
let dir: string;
const write = async (name: string, doc: OpenApiDocument) => {
  const file = path.join(dir, name);
  await writeFile(file, stringify(doc));
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "contactgen-consumer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("consumer side", () => {
  it("lists the call site a renamed response property breaks, and the surface change behind it", async () => {
    const renamed = baseDoc();
    const properties = renamed.components!.schemas!.Contact as { properties: Record<string, unknown> };
    properties.properties.emailAddress = properties.properties.email;
    delete properties.properties.email;
    const result = await compareClients({
      api: "sample",
      oldSpec: await write("old.yaml", baseDoc()),
      newSpec: await write("new.yaml", renamed),
      clientDir: "generated/sample",
      project: PROJECT,
    });
    expect(result.callSites).toHaveLength(1);
    expect(result.callSites?.[0]).toMatchObject({ file: "src/caller.mts", line: 10, column: 18, code: 2339 });
    expect(result.callSites?.[0]?.message).toMatch(/Property 'email' does not exist/);
    const members = result.surface.map((s) => `${s.level} ${s.member} ${s.message}`);
    expect(members).toContain("breaking components.schemas.Contact.email removed");
    expect(members).toContain("non-breaking components.schemas.Contact.emailAddress added");
  });

  it("finds no broken call site and no surface change when the spec only gains an optional field", async () => {
    const widened = baseDoc();
    (widened.components!.schemas!.Contact as { properties: Record<string, unknown> }).properties.phone = {
      type: "string",
    };
    const result = await compareClients({
      api: "sample",
      oldSpec: await write("old.yaml", baseDoc()),
      newSpec: await write("widened.yaml", widened),
      clientDir: "generated/sample",
      project: PROJECT,
    });
    expect(result.callSites).toEqual([]);
    expect(result.surface.filter((s) => s.level === "breaking")).toEqual([]);
    expect(result.surface.map((s) => s.member)).toContain("components.schemas.Contact.phone");
  });
});
