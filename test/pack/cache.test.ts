/**
 * The pack cache (generator/pack/cache.ts) without compiling anything: which inputs change the key, that entries
 * round-trip and a malformed one is a miss, that two packs of one key at once build it once (the lock), also
 * when the lock's holder has ended, and that several keys missing at once are built by one call. The compile itself, a hit and a refused build: pack.test.ts.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiConfig, ContactgenConfig } from "../../generator/cli/config.js";
import type { EmittedFile } from "../../generator/emit/emitter.js";
import { compilerVersion, PackCache, packCacheDir, packFingerprint, packKey } from "../../generator/pack/cache.js";

let dir: string;
let fingerprint: string;

const api: ApiConfig = {
  name: "shop",
  spec: "",
  out: "",
  packageName: "@acme/shop-sdk",
  emitters: [],
};
const config = (license = "MIT"): ContactgenConfig => ({
  file: "generator.config.json",
  out: "generated",
  emitters: [],
  apis: [],
  packages: { out: "packages", license },
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-pack-cache-"));
  await mkdir(path.join(dir, "spec"));
  await mkdir(path.join(dir, "generated/runtime"), { recursive: true });
  await writeFile(path.join(dir, "spec/openapi.yaml"), "openapi: 3.1.0\n");
  await writeFile(path.join(dir, "spec/shared.yaml"), "components: {}\n");
  await writeFile(path.join(dir, "generated/client.ts"), "export const a = 1;\n");
  await writeFile(path.join(dir, "generated/runtime/call.ts"), "export const b = 2;\n");
  await writeFile(path.join(dir, "generated/notes.md"), "not compiled\n");
  api.spec = path.join(dir, "spec/openapi.yaml");
  api.out = path.join(dir, "generated");
  fingerprint = await packFingerprint();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the pack cache key", () => {
  it("is stable for the same input and ignores files the build does not read", async () => {
    const key = await packKey(config(), api, fingerprint);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await packFingerprint()).toBe(fingerprint);
    await writeFile(path.join(dir, "generated/notes.md"), "edited\n");
    expect(await packKey(config(), api, fingerprint)).toBe(key);
  });

  it.each([
    ["a generated source", "generated/runtime/call.ts", "export const b = 3;\n"],
    ["a file of the spec's folder ($ref target)", "spec/shared.yaml", "components: { schemas: {} }\n"],
    ["the spec", "spec/openapi.yaml", "openapi: 3.0.3\n"],
    ["a new generated source", "generated/extra.ts", "export {};\n"],
  ])("changes with %s", async (_what, file, contents) => {
    const before = await packKey(config(), api, fingerprint);
    const previous = await readFile(path.join(dir, file), "utf8").catch(() => undefined);
    await writeFile(path.join(dir, file), contents);
    try {
      expect(await packKey(config(), api, fingerprint)).not.toBe(before);
    } finally {
      if (previous === undefined) await rm(path.join(dir, file));
      else await writeFile(path.join(dir, file), previous);
    }
    expect(await packKey(config(), api, fingerprint)).toBe(before);
  });

  it("changes with the package identity and with the generator fingerprint", async () => {
    const key = await packKey(config(), api, fingerprint);
    expect(await packKey(config("Apache-2.0"), api, fingerprint)).not.toBe(key);
    expect(await packKey(config(), { ...api, packageName: "@acme/other" }, fingerprint)).not.toBe(key);
    expect(await packKey(config(), api, `${fingerprint}x`)).not.toBe(key);
  });

  it("names the TypeScript 7 that compiles: another version is another fingerprint", async () => {
    const version = await compilerVersion();
    expect(version).toMatch(/^7\./);
    expect(await packFingerprint(version)).toBe(fingerprint);
    expect(await packFingerprint("7.0.999")).not.toBe(fingerprint);
  });
});

describe("the pack cache", () => {
  const files: EmittedFile[] = [{ path: "dist/index.js", contents: "export {};\n" }];

  it("lives in node_modules/.cache unless CONTACTGEN_PACK_CACHE names a folder", () => {
    expect(packCacheDir({})).toBe(path.join("node_modules", ".cache", "contactgen", "pack"));
    expect(packCacheDir({ CONTACTGEN_PACK_CACHE: "/ci/cache" })).toBe("/ci/cache");
  });

  it("returns what was stored, and treats a malformed entry as a miss", async () => {
    const cache = new PackCache(path.join(dir, "store"));
    expect(await cache.read("k1")).toBeUndefined();
    await cache.write("k1", files);
    expect(await cache.read("k1")).toEqual(files);
    await writeFile(path.join(dir, "store/k2.json"), JSON.stringify({ key: "k2", files: [{ path: 1 }] }));
    expect(await cache.read("k2")).toBeUndefined();
    await writeFile(path.join(dir, "store/k3.json"), "{ truncated");
    expect(await cache.read("k3")).toBeUndefined();
  });

  it("builds a key once when two packs ask for it at once; a failed build is not stored", async () => {
    const cache = new PackCache(path.join(dir, "concurrent"));
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const build = async () => {
      builds++;
      await gate;
      return files;
    };
    const first = cache.getOrBuild("k", build);
    while (builds === 0) await new Promise((resolve) => setImmediate(resolve));
    // The first holds the lock and has stored nothing yet: the second finds no entry and waits for the lock (had
    // it not reached the lock before the release, it would find the entry: the same outcome, asserted below).
    const second = new PackCache(cache.dir).getOrBuild("k", build);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await Promise.all([first, second])).toEqual([
      { files, cached: false },
      { files, cached: true },
    ]);
    expect(builds).toBe(1);

    const failing = () => Promise.reject(new Error("does not compile"));
    await expect(cache.getOrBuild("bad", failing)).rejects.toThrow("does not compile");
    await expect(cache.getOrBuild("bad", failing)).rejects.toThrow("does not compile");
  });

  it("builds every key that is neither stored nor held in one call, stores what built, rejects with the first failure", async () => {
    const cache = new PackCache(path.join(dir, "batch"));
    await cache.write("hit", files);
    const other = (name: string): EmittedFile[] => [{ path: "dist/index.js", contents: `export const ${name} = 1;\n` }];
    const calls: number[][] = [];
    const results = await cache.getOrBuildAll(["a", "hit", "b"], async (indices) => {
      calls.push(indices);
      return indices.map((i) => other(`k${i}`));
    });
    expect(calls).toEqual([[0, 2]]);
    expect(results).toEqual([
      { files: other("k0"), cached: false },
      { files, cached: true },
      { files: other("k2"), cached: false },
    ]);
    expect(await cache.read("b")).toEqual(other("k2"));

    // One refused build: the others of the call are stored, nothing is stored for it, and no lock stays behind.
    const build = async (indices: number[]) =>
      indices.map((i) => (i === 1 ? new Error("y does not compile") : other(`y${i}`)));
    await expect(cache.getOrBuildAll(["x", "y", "z"], build)).rejects.toThrow("y does not compile");
    expect(await cache.read("x")).toEqual(other("y0"));
    expect(await cache.read("y")).toBeUndefined();
    expect(await cache.read("z")).toEqual(other("y2"));
    expect((await readdir(cache.dir)).filter((f) => f.endsWith(".lock"))).toEqual([]);
  });

  it("waits for a key another pack is building, then takes its entry", async () => {
    const cache = new PackCache(path.join(dir, "held"));
    await mkdir(cache.dir, { recursive: true });
    // Another live process (this one, as far as the lock can tell) holds "b" and stores it a little later.
    await writeFile(path.join(cache.dir, "b.lock"), String(process.pid));
    const calls: number[][] = [];
    const pending = cache.getOrBuildAll(["a", "b"], async (indices) => {
      calls.push(indices);
      return indices.map(() => files);
    });
    setTimeout(() => {
      void cache.write("b", files).then(() => rm(path.join(cache.dir, "b.lock")));
    }, 150);
    expect(await pending).toEqual([
      { files, cached: false },
      { files, cached: true },
    ]);
    expect(calls).toEqual([[0]]);
  });

  it("keeps the 40 most recently used entries", async () => {
    const cache = new PackCache(path.join(dir, "prune"));
    await mkdir(cache.dir, { recursive: true });
    for (let i = 0; i < 41; i++) {
      const file = path.join(cache.dir, `old-${String(i).padStart(2, "0")}.json`);
      await writeFile(file, JSON.stringify({ key: `old-${i}`, files }));
      await utimes(file, 1_000_000 + i, 1_000_000 + i);
    }
    await cache.write("new", files);
    const left = (await readdir(cache.dir)).sort();
    expect(left).toHaveLength(40);
    expect(left).toContain("new.json");
    expect(left).not.toContain("old-00.json");
    expect(left).not.toContain("old-01.json");
    expect(left).toContain("old-02.json");
  });

  it("takes over the lock of a process that has ended", async () => {
    const cache = new PackCache(path.join(dir, "orphan"));
    await mkdir(cache.dir, { recursive: true });
    // A pid above the kernel's pid_max (4194304) never belongs to a running process.
    await writeFile(path.join(cache.dir, "k.lock"), "99999999");
    expect(await cache.getOrBuild("k", async () => files)).toEqual({ files, cached: false });
  });
});
