/**
 * The emitter registry: a user emitter built from a fixture module through generator.config.json alone, written
 * atomically with the core files; a failing one leaves the output folder exactly as it was; every bad set is refused
 * before anything is emitted.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ts } from "../../generator/emit/code.js";
import { defineEmitter } from "../../generator/emit/emitter.js";
import { DEFAULT_EMITTERS, resolveEmitters } from "../../generator/emit/registry.js";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import { runCli } from "../support/cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SPEC = path.join(ROOT, "specs/pylon/openapi.yaml");
const FIXTURES = path.join(ROOT, "test/fixtures/emitters");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-registry-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A config in `dir` (module paths relative to it, as a user writes them) → `contactgen generate` in-process. */
async function generateWith(emitters: unknown[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const config = path.join(dir, "generator.config.json");
  await writeFile(config, JSON.stringify({ out: "out", emitters, apis: [{ name: "pylon", spec: SPEC }] }));
  return runCli(["generate", "--config", "generator.config.json", "--no-cache", "--no-lint"], dir);
}

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const full = path.join(f.parentPath, f.name);
      return [path.relative(folder, full), await readFile(full, "utf8")] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const core = DEFAULT_EMITTERS.map((e) => ({ ...e }));
const userModule = (file: string) => path.relative(dir, path.join(FIXTURES, file));

describe("a user emitter from the config", () => {
  it("is loaded from its module path and its files are written with the rest", async () => {
    const module = userModule("paths-emitter.ts");
    expect(path.isAbsolute(module)).toBe(false);
    const { code, stderr } = await generateWith([...core, { module, options: { suffix: "Route" } }]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = await snapshot(path.join(dir, "out/pylon"));
    expect(out["paths.ts"]).toContain('export const getContactRoute: keyof paths = "/contacts/{id}";');
    expect(out["paths.ts"]).toContain('import type { paths } from "./types.js";');
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["client.ts", "types.ts", "validators.ts", "paths.ts"]));
    // The writer owns it like any core file: it is listed in the manifest.
    expect(out[".contactgen-manifest.json"]).toContain('"paths.ts"');
  });

  it("a failing user emitter leaves the output folder exactly as it was", async () => {
    const before = await snapshot(path.join(dir, "out/pylon"));
    // Without validators and paths.ts: had anything been written, client.ts would change and two files would go.
    const withoutValidators = core.filter((e) => e.name !== "validators");
    const { code, stderr } = await generateWith([...withoutValidators, { module: userModule("failing-emitter.ts") }]);
    expect(code).toBe(1);
    expect(stderr).toContain("always-fails: this emitter refuses to emit");
    expect(await snapshot(path.join(dir, "out/pylon"))).toEqual(before);
  });

  it("a bad entry is refused with what to fix, before anything is written", async () => {
    const before = await snapshot(path.join(dir, "out/pylon"));
    const cases: Array<[unknown[], RegExp]> = [
      [[...core, { name: "nope" }], /unknown emitter "nope" \(built in: .*tanstack-query/],
      [[...core, { module: "./missing.ts" }], /emitter module .*missing\.ts cannot be loaded/],
      [[...core, { name: "tanstack-query", module: "./x.ts" }], /give exactly one of "name"/],
      [[{ name: "client" }, { name: "runtime" }], /emitter "client" requires "types": add it to emitters/],
      [[...core, { module: userModule("paths-emitter.ts"), options: { suffix: "x" } }], /PascalCase/],
      [[...core, { name: "types" }], /emitter "types" is listed twice/],
      [[{ name: "types", options: { engine: "tsc" } }], /options\.engine: use native or openapi-typescript/],
    ];
    for (const [emitters, message] of cases) {
      const { code, stderr } = await generateWith(emitters);
      expect(code, JSON.stringify(emitters)).not.toBe(0);
      expect(stderr).toMatch(message);
    }
    expect(await snapshot(path.join(dir, "out/pylon"))).toEqual(before);
  });
});

const model = buildModel(await loadDocument(SPEC), "pylon");

describe("the incremental cache", () => {
  it("regenerates when a user emitter module changes, not only when the config does", async () => {
    const project = path.join(dir, "cached");
    const module = path.join(project, "stamp.ts");
    const api = path.join(ROOT, "generator/emitter-api.js");
    const source = (stamp: string) =>
      `import { defineEmitter, ts } from ${JSON.stringify(api)};\n` +
      `export default defineEmitter({ name: "stamp", description: "d", files: ["stamp.ts"], ` +
      `emit: () => [{ path: "stamp.ts", contents: ts\`export const stamp = ${stamp};\\n\` }] });\n`;
    await mkdir(project, { recursive: true });
    await writeFile(module, source("1"));
    await writeFile(
      path.join(project, "generator.config.json"),
      JSON.stringify({
        out: "out",
        emitters: [...core, { module: "stamp.ts" }],
        apis: [{ name: "pylon", spec: SPEC }],
      }),
    );
    const generate = () => runCli(["generate", "--no-lint"], project);
    expect((await generate()).stdout).toContain("generated out/pylon");
    expect((await generate()).stdout).toContain("unchanged: pylon");
    await writeFile(module, source("2"));
    expect((await generate()).stdout).toContain("generated out/pylon");
  });
});

describe("resolveEmitters", () => {
  it("refuses a file the emitter did not declare, and two emitters claiming one file", async () => {
    const stray = defineEmitter({
      name: "stray",
      description: "writes outside its files",
      files: ["mine.ts"],
      emit: () => [{ path: "client.ts", contents: ts`export {};\n` }],
    });
    const [emitter] = await resolveEmitters([{ name: "runtime" }], { only: ["runtime"] });
    expect(emitter?.name).toBe("runtime");
    const registry = await import("../../generator/emit/registry.js");
    const instance = (await registry.resolveEmittersFrom([stray]))[0];
    await expect(instance?.emit(model)).rejects.toThrow(
      /emitter "stray" wrote client.ts, which is not among its files/,
    );
    const clash = defineEmitter({ ...stray, name: "clash", files: ["runtime/extra.ts"] });
    await expect(
      registry.resolveEmittersFrom([await registry.loadDefinition({ name: "runtime" }), clash]),
    ).rejects.toThrow(/emitters "runtime" and "clash" both claim runtime\//);
  });

  it("tells the client that validators are in the set through the descriptor, not the file system", async () => {
    const emit = async (entries: typeof core) => {
      const emitters = await resolveEmitters(entries);
      const client = emitters.find((e) => e.name === "client");
      return (await client!.emit(model))[0]!.contents;
    };
    expect(await emit(core)).toContain('import("./validators.js")');
    expect(await emit(core.filter((e) => e.name !== "validators"))).not.toContain("validators.js");
  });

  it("defineEmitter refuses names and file claims that could not work", () => {
    const base = { description: "d", files: ["a.ts"], emit: () => [] };
    expect(() => defineEmitter({ ...base, name: "Bad Name" })).toThrow(/kebab-case/);
    expect(() => defineEmitter({ ...base, name: "ok", files: [] })).toThrow(/declare the files/);
    expect(() => defineEmitter({ ...base, name: "ok", files: ["../up.ts"] })).toThrow(/not a relative path/);
    expect(() => defineEmitter({ ...base, name: "ok" }).parseOptions({ x: 1 })).toThrow(/takes no options/);
  });
});
