/** Bad input to `npm run docs` gets an error naming the file, the place and what to do. */
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../../generator/docs/build.js";
import { readConfig } from "../../generator/cli/config.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docs-config-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe("docs config", () => {
  it.each([
    ["not JSON", "{", /cannot read the contactgen config/],
    ["no apis array", "{}", /"apis" is required/],
    ["an entry without spec", '{"apis":[{"name":"a"}]}', /apis\[0\]: "spec" is required/],
    [
      "a name unsafe for a file name",
      '{"apis":[{"name":"../x","spec":"s.yaml"}]}',
      /apis\[0\]\.name: "\.\.\/x" does not match/,
    ],
  ])("rejects %s, naming the file", async (name, text, message) => {
    const file = await configFile(`${name.replace(/\W+/g, "-")}.json`, text);
    await expect(readConfig(file)).rejects.toThrow(message);
    await expect(readConfig(file)).rejects.toThrow(file);
  });

  it("resolves spec paths against the config file's folder", async () => {
    const file = await configFile("ok.json", '{"apis":[{"name":"a","spec":"specs/a.yaml"}]}');
    const [api] = (await readConfig(file)).apis;
    expect(path.resolve(api?.spec ?? "")).toBe(path.join(dir, "specs/a.yaml"));
  });

  it("stops on a missing spec with the loader's message and leaves no site behind", async () => {
    const file = await configFile("missing.json", '{"apis":[{"name":"a","spec":"nope.yaml"}]}');
    const out = path.join(dir, "site");
    await expect(buildDocs({ config: file, out })).rejects.toThrow(/nope\.yaml.*cannot read the file/);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
