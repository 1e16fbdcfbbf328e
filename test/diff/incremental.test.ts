import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncrementalTarget } from "../../generator/incremental/cache.js";
import { generateIncrementally } from "../../generator/incremental/run.js";
import type { OutputSet } from "../../generator/write/write.js";

let root: string;
let targets: IncrementalTarget[];
let failNext = false;

/** Stands in for the pipeline: output = the spec text, so a stale output is visible. */
async function generate(list: IncrementalTarget[]): Promise<OutputSet[]> {
  if (failNext) {
    failNext = false;
    throw new Error("broken spec");
  }
  return Promise.all(
    list.map(async (t) => ({ dir: t.out, files: [{ path: "client.ts", contents: await readFile(t.spec, "utf8") }] })),
  );
}

async function write(sets: OutputSet[]): Promise<void> {
  for (const set of sets) {
    await mkdir(set.dir, { recursive: true });
    for (const file of set.files) await writeFile(path.join(set.dir, file.path), file.contents);
  }
}

async function run(): Promise<string[]> {
  const { written } = await generateIncrementally({
    targets,
    flags: [],
    generate,
    write,
    root,
    generatorDir: at("generator"),
  });
  return written.map((set) => path.basename(set.dir)).sort();
}

const at = (...parts: string[]) => path.join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "contactgen-incremental-"));
  await mkdir(at("generator", "emit"), { recursive: true });
  await writeFile(at("generator", "emit", "client.ts"), "export const version = 1;\n");
  await mkdir(at("generator", "diff"), { recursive: true });
  await writeFile(at("generator", "diff", "cli.ts"), "// not part of the output\n");
  await writeFile(at("package-lock.json"), "{}\n");
  await writeFile(at("generator.config.json"), "{}\n");
  targets = [];
  for (const name of ["alpha", "beta"]) {
    await mkdir(at("specs", name), { recursive: true });
    await writeFile(at("specs", name, "openapi.yaml"), `openapi: 3.1.0 # ${name}\n`);
    targets.push({ name, spec: at("specs", name, "openapi.yaml"), out: at("generated", name) });
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each step builds on the previous one's cache, in order.
describe("incremental generation", () => {
  it.each<[string, () => Promise<void>, string[]]>([
    ["first run generates everything", async () => {}, ["alpha", "beta"]],
    ["nothing changed: nothing regenerated", async () => {}, []],
    [
      "one spec edited: only that API",
      () => writeFile(at("specs", "alpha", "openapi.yaml"), "openapi: 3.1.0 # alpha v2\n"),
      ["alpha"],
    ],
    [
      "a sibling file of the spec edited: that API",
      () => writeFile(at("specs", "beta", "schemas.yaml"), "Contact: {}\n"),
      ["beta"],
    ],
    [
      "spec touched without a change: nothing",
      () => utimes(at("specs", "alpha", "openapi.yaml"), new Date(), new Date(2030, 0, 1)),
      [],
    ],
    [
      "generated file edited by hand: that API",
      () => writeFile(at("generated", "beta", "client.ts"), "// edited\n"),
      ["beta"],
    ],
    ["generated folder deleted: that API", () => rm(at("generated", "alpha"), { recursive: true }), ["alpha"]],
    [
      "generator source edited: everything",
      () => writeFile(at("generator", "emit", "client.ts"), "export const version = 2;\n"),
      ["alpha", "beta"],
    ],
    [
      "a tool outside the pipeline edited: nothing",
      () => writeFile(at("generator", "diff", "cli.ts"), "// edited\n"),
      [],
    ],
    [
      "lockfile changed (dependency bump): everything",
      () => writeFile(at("package-lock.json"), '{"v":2}\n'),
      ["alpha", "beta"],
    ],
  ])("%s", async (_name, change, want) => {
    await change();
    expect(await run()).toEqual(want);
  });

  it("keeps an API stale after a failed run, so the next run retries it", async () => {
    await writeFile(at("specs", "alpha", "openapi.yaml"), "openapi: 3.1.0 # alpha v3\n");
    failNext = true;
    await expect(run()).rejects.toThrow("broken spec");
    expect(await run()).toEqual(["alpha"]);
    expect(await readFile(at("generated", "alpha", "client.ts"), "utf8")).toContain("alpha v3");
  });
});
