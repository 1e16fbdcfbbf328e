/**
 * The one config reader: generator.config.json checked against generator.config.schema.json (which this checker
 * interprets without Ajv, so it must agree with Ajv), and paths resolved against the config file's folder.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConfig, configSchema, SUPPORTED_KEYWORDS, type SchemaNode } from "../../generator/cli/config-schema.js";
import { readConfig } from "../../generator/cli/config.js";
import { main } from "../../generator/cli/main.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-config-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function keywords(node: SchemaNode, seen: string[] = []): string[] {
  for (const [key, value] of Object.entries(node)) {
    seen.push(key);
    if (key === "properties")
      for (const child of Object.values(value as Record<string, SchemaNode>)) keywords(child, seen);
    if (key === "items") keywords(value as SchemaNode, seen);
  }
  return seen;
}

const CASES: Array<[string, unknown]> = [
  ["the project's config", JSON.parse(await readFile(path.join(ROOT, "generator.config.json"), "utf8"))],
  ["minimal", { apis: [] }],
  [
    "every field",
    {
      $schema: "x",
      out: "o",
      types: "openapi-typescript",
      packages: { out: "p", scope: "@acme", license: "MIT", repository: "https://x" },
      apis: [{ name: "a-1", spec: "a.yaml", package: "@acme/a" }],
    },
  ],
  ["not an object", []],
  ["no apis", {}],
  ["apis not an array", { apis: {} }],
  ["an unknown top-level key", { apis: [], output: "x" }],
  ["a bad types engine", { apis: [], types: "tsc" }],
  ["an upper-case name", { apis: [{ name: "Kare", spec: "k.yaml" }] }],
  ["an empty spec", { apis: [{ name: "k", spec: "" }] }],
  ["a number for a spec", { apis: [{ name: "k", spec: 1 }] }],
  ["a scope without @", { apis: [], packages: { scope: "acme" } }],
  ["an unknown packages key", { apis: [], packages: { registry: "x" } }],
  [
    "emitters",
    {
      emitters: [{ name: "types", options: { engine: "native" } }, { module: "./e.ts" }],
      apis: [{ name: "a", spec: "a.yaml", addEmitters: [{ name: "tanstack-query" }] }],
    },
  ],
  ["an emitter entry with an unknown key", { apis: [], emitters: [{ use: "types" }] }],
  ["emitter options that are not an object", { apis: [], emitters: [{ name: "types", options: [] }] }],
  ["an upper-case emitter name", { apis: [], emitters: [{ name: "Types" }] }],
];

describe("config schema", () => {
  it("uses only the keywords the built-in checker understands", () => {
    expect(keywords(configSchema()).filter((k) => !SUPPORTED_KEYWORDS.has(k))).toEqual([]);
  });

  it.each(CASES)("agrees with Ajv: %s", (_name, value) => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(configSchema());
    expect(checkConfig(value).length === 0).toBe(validate(value));
  });

  it("is what generator.config.json names in $schema", async () => {
    const config = JSON.parse(await readFile(path.join(ROOT, "generator.config.json"), "utf8")) as { $schema: string };
    expect(path.resolve(ROOT, config.$schema)).toBe(path.join(ROOT, "generator.config.schema.json"));
  });
});

describe("readConfig", () => {
  it("resolves spec, out and packages paths against the config file's folder", async () => {
    const file = path.join(dir, "nested", "c.json");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({ out: "gen", packages: { scope: "@acme" }, apis: [{ name: "a", spec: "specs/a.yaml" }] }),
    );
    const config = await readConfig(path.relative(process.cwd(), file));
    expect(config.apis.map((a) => [path.resolve(a.spec), path.resolve(a.out), a.packageName])).toEqual([
      [path.join(dir, "nested/specs/a.yaml"), path.join(dir, "nested/gen/a"), "@acme/a-sdk"],
    ]);
    expect(path.resolve(config.packages.out)).toBe(path.join(dir, "nested/packages"));
  });

  it("resolves emitter modules against the config file's folder; an API's addEmitters follow the shared list", async () => {
    const file = path.join(dir, "nested", "emitters.json");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({
        emitters: [{ name: "types" }, { module: "emitters/mine.ts", options: { x: 1 } }],
        apis: [
          { name: "a", spec: "a.yaml", addEmitters: [{ name: "tanstack-query" }] },
          { name: "b", spec: "b.yaml" },
        ],
      }),
    );
    const config = await readConfig(path.relative(process.cwd(), file));
    const mine = { module: path.relative(process.cwd(), path.join(dir, "nested/emitters/mine.ts")), options: { x: 1 } };
    expect(config.apis.map((a) => a.emitters)).toEqual([
      [{ name: "types" }, mine, { name: "tanstack-query" }],
      [{ name: "types" }, mine],
    ]);
  });

  it("gives every API the core emitters when the config names none", async () => {
    const file = path.join(dir, "plain.json");
    await writeFile(file, JSON.stringify({ apis: [{ name: "a", spec: "a.yaml" }] }));
    const config = await readConfig(file);
    expect(config.apis[0]?.emitters.map((e) => ("name" in e ? e.name : e.module))).toEqual([
      "types",
      "client",
      "validators",
      "index",
      "runtime",
    ]);
  });

  it.each([
    [
      "a duplicate API name",
      {
        apis: [
          { name: "a", spec: "x" },
          { name: "a", spec: "y" },
        ],
      },
      /apis\[1\]\.name: "a" is listed twice/,
    ],
    ["a bad types engine", { apis: [], types: "tsc" }, /types: "tsc" is not one of "native", "openapi-typescript"/],
  ])("rejects %s, naming the file", async (name, value, message) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.json`);
    await writeFile(file, JSON.stringify(value));
    await expect(readConfig(file)).rejects.toThrow(message);
    await expect(readConfig(file)).rejects.toThrow(file);
  });

  it("generate --config writes next to the config file, not the working directory", async () => {
    const project = path.join(dir, "project");
    await mkdir(path.join(project, "specs"), { recursive: true });
    await copyFile(path.join(ROOT, "test/fixtures/cookies.yaml"), path.join(project, "specs/cookies.yaml"));
    await writeFile(
      path.join(project, "generator.config.json"),
      JSON.stringify({ out: "out", apis: [{ name: "cookies", spec: "specs/cookies.yaml" }] }),
    );
    const config = path.relative(process.cwd(), path.join(project, "generator.config.json"));
    expect(await main(["generate", "--config", config, "--no-cache", "--no-lint"])).toBe(0);
    expect(await readdir(path.join(project, "out/cookies"))).toContain("client.ts");
    expect(await main(["generate", "--config", config, "--check", "--no-lint"])).toBe(0);
  });
});
