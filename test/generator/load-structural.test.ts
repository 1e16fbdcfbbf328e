/**
 * The loader's single Redocly walk (structural rules as bundle decorators) still blocks on structural errors,
 * including ones inside referenced files, and JSON documents (parsed with JSON.parse) load to the same object as
 * the same document in YAML.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadDocument } from "../../generator/load/load.js";

let dir: string;

const MAIN = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": {
      get: {
        parameters: [{ $ref: "./parts.yaml#/P" }],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "./parts.yaml#/S" } } } },
        },
      },
    },
  },
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "load-structural-"));
  await writeFile(path.join(dir, "main.json"), JSON.stringify(MAIN, null, 2));
  await writeFile(path.join(dir, "main.yaml"), stringify(MAIN));
  await writeFile(path.join(dir, "parts.yaml"), "P: {name: x, in: query, schema: {type: string}}\nS: {type: string}\n");
  await writeFile(
    path.join(dir, "broken-parts.yaml"),
    "P: {name: x, in: querry, schema: {type: string}}\nS: {type: string}\n",
  );
  await writeFile(path.join(dir, "broken.yaml"), stringify(MAIN).replaceAll("./parts.yaml", "./broken-parts.yaml"));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loader", () => {
  it("loads JSON and YAML forms of one document to the same bundled object", async () => {
    const json = await loadDocument(path.join(dir, "main.json"));
    const yaml = await loadDocument(path.join(dir, "main.yaml"));
    expect(json.doc).toEqual(yaml.doc);
    expect(json.version).toBe("3.1");
    expect(JSON.stringify(json.doc)).toContain("#/components/parameters/P");
  });

  it("blocks on a structural error inside a referenced file", async () => {
    await expect(loadDocument(path.join(dir, "broken.yaml"))).rejects.toThrow(
      /at #\/P\/in\): `in` can be one of.*\[struct\]/s,
    );
  });

  it("names the referenced file the structural error is in, with its own line and column", async () => {
    const error = (await loadDocument(path.join(dir, "broken.yaml")).catch((e: unknown) => e)) as {
      file: string;
      message: string;
    };
    expect(error.file).toBe("broken-parts.yaml");
    expect(error.message).toMatch(/^broken-parts\.yaml:1:\d+ \(at #\/P\/in\)/);
  });
});
