/**
 * The precompiled CLI (generator/precompile.mjs, ADR 0113) that `contactgen generate` runs: it writes what the
 * TypeScript sources write (its validators come from the emit worker, generator/parallel/), it notices edited
 * sources, it still loads a user's TypeScript emitter, and a worker's error reaches the user unchanged.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as leftOut from "../../generator/cli/graphql-left-out.js";
import { isParsedAsIs, loadDocument } from "../../generator/load/load.js";
import { SpecError } from "../../generator/load/spec-error.js";
import { receivedError, sendableError } from "../../generator/parallel/messages.js";
import { generateApi } from "../../generator/pipeline.js";
import { buildCli, compiledCli, isFresh, readCurrent } from "../../generator/precompile.mjs";
import { CORPUS } from "../support/shared.js";
import { cleanupScratch, ROOT, scratchDir, snapshotDir } from "./helpers.js";
import { runBin } from "../support/tsx.js";

const run = promisify(execFile);
const SPEC = "specs/pylon/openapi.yaml";
/** The emit worker runs even when the machine looks busy (by default it steps aside then). */
const WORKER_ON = { CONTACTGEN_EMIT_WORKER: "1" };

afterAll(cleanupScratch);

/** A JSON root whose schema lives in a second JSON file. */
async function splitJsonSpec(): Promise<string> {
  const dir = scratchDir("precompiled-split");
  await mkdir(dir, { recursive: true });
  const pet = { type: "object", required: ["id"], properties: { id: { type: "integer" }, tag: { type: "string" } } };
  await writeFile(path.join(dir, "schemas.json"), JSON.stringify({ Pet: pet }));
  const ok = {
    description: "a pet",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
  };
  const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };
  const root = {
    openapi: "3.1.0",
    info: { title: "Split", version: "1" },
    paths: { "/pets/{id}": { get: { operationId: "getPet", parameters: [id], responses: { "200": ok } } } },
    components: { schemas: { Pet: { $ref: "./schemas.json#/Pet" } } },
  };
  await writeFile(path.join(dir, "openapi.json"), JSON.stringify(root));
  return path.join(dir, "openapi.json");
}

/** `node bin/contactgen.mjs ARGS` as a user runs it. */
function contactgen(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  return run(process.execPath, [path.join(ROOT, "bin/contactgen.mjs"), ...args], {
    cwd,
    env: { ...process.env, ...env },
  });
}

describe("precompiled CLI", () => {
  it("is built and current", async () => {
    expect(await compiledCli()).toMatch(/^file:.*\/node_modules\/\.cache\/contactgen\/cli\/b-[^/]+\/main\.js$/);
    expect(isFresh(readCurrent())).toBe(true);
  });

  // YAML: the model crosses to the emit worker. One JSON file: the worker starts from the text during the bundle.
  // JSON with a $ref to another file: that head start is not used (the bundle differs from the root's text).
  it.each([
    ["YAML", () => Promise.resolve(path.join(ROOT, SPEC))],
    ["one JSON file", () => Promise.resolve(path.join(CORPUS, "oai-webhook-example.v3.1.json"))],
    ["JSON with an external $ref", splitJsonSpec],
  ])("%s: writes byte for byte what the sources generate in process", async (_, spec) => {
    const file = await spec();
    const out = scratchDir("precompiled");
    const args = ["generate", "--spec", file, "--out", out, "--name", "api", "--no-lint"];
    const { stdout } = await contactgen(args, WORKER_ON);
    expect(stdout).toMatch(/generated .* \(\d+ files\)/);
    const { files } = await generateApi(file, "api");
    const written = await snapshotDir(out);
    expect(
      Object.keys(written)
        .filter((f) => f !== ".contactgen-manifest.json")
        .sort(),
    ).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(written[f.path], f.path).toBe(f.contents);
    expect(written["validators.ts"]).toMatch(/export /);
  });

  it("answers --version, --help and a bare `contactgen` (the command list, exit 2) as the sources do", async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect((await contactgen(["--version"])).stdout).toBe(`${version}\n`);
    const help = (await contactgen(["--help"])).stdout;
    expect(help).toMatch(/^contactgen: OpenAPI-driven code generation/);
    for (const command of ["generate", "lint", "mock", "docs", "diff", "conformance", "pack", "bench"]) {
      expect(help).toContain(`\n  ${command} `);
    }
    const bare = await runBin([]);
    expect(bare.code).toBe(2);
    expect(`${bare.stdout}${bare.stderr}`).toContain("usage: contactgen <command>");
  });

  it("leaves graphql out of the bundle, and says so should Redocly's GraphQL code be reached", async () => {
    const dir = path.dirname(fileURLToPath((await compiledCli()) ?? (await buildCli())));
    const chunks = (await readdir(dir)).filter((f) => f.endsWith(".js"));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks)
      expect(await readFile(path.join(dir, chunk), "utf8")).not.toContain("node_modules/graphql/");
    for (const call of [() => leftOut.parse(), () => leftOut.buildASTSchema(), () => new leftOut.GraphQLError()]) {
      expect(call).toThrow(
        "contactgen reads OpenAPI documents only: GraphQL support (the graphql package) is left out",
      );
    }
  });

  it("exits 1 with the loader's message when a JSON document is broken (the worker's head start ends with it)", async () => {
    const dir = scratchDir("precompiled-broken");
    await mkdir(dir, { recursive: true });
    const doc = JSON.parse(await readFile(path.join(CORPUS, "oai-webhook-example.v3.1.json"), "utf8")) as object;
    const file = path.join(dir, "broken.json");
    await writeFile(file, JSON.stringify({ ...doc, info: "oops" }));
    const out = path.join(dir, "out");
    const failure = await contactgen(["generate", "--spec", file, "--out", out, "--no-lint"], WORKER_ON).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      /broken\.json:1:\d+ \(at #\/info\): Expected type `Info` \(object\) but got `string`/,
    );
    expect(await snapshotDir(out)).toEqual({});
  });

  it("starts the worker's head start from a JSON root only when the bundle is that JSON as parsed", async () => {
    const asIs = async (file: string) => {
      let root: unknown;
      const loaded = await loadDocument(file, {}, { rootRead: (read) => (root = read.parsed) });
      return [isParsedAsIs(loaded.doc), root === loaded.doc];
    };
    expect(await asIs(path.join(CORPUS, "oai-webhook-example.v3.1.json"))).toEqual([true, true]);
    expect((await asIs(await splitJsonSpec()))[0]).toBe(false);
    expect(await asIs(path.join(ROOT, SPEC))).toEqual([false, false]);
  });

  it("counts as stale when an input changed size or time, appeared or went missing", () => {
    const current = readCurrent();
    expect(current).toBeDefined();
    const [file, stamp] = Object.entries(current!.inputs).find(([f]) => f.endsWith("pipeline.ts"))!;
    expect(stamp).not.toBeNull();
    const [mtime, size] = stamp!;
    expect(isFresh({ ...current!, inputs: { ...current!.inputs, [file]: [mtime, size + 1] } })).toBe(false);
    expect(isFresh({ ...current!, inputs: { ...current!.inputs, [file]: [mtime - 1, size] } })).toBe(false);
    expect(isFresh({ ...current!, inputs: { ...current!.inputs, [file]: null } })).toBe(false);
    expect(isFresh({ ...current!, inputs: { ...current!.inputs, "generator/gone.ts": [mtime, size] } })).toBe(false);
    expect(isFresh(undefined)).toBe(false);
  });

  it("loads a user emitter written in TypeScript (tsx is registered on demand)", async () => {
    const dir = scratchDir("precompiled-user-emitter");
    await mkdir(dir, { recursive: true });
    const config = path.join(dir, "generator.config.json");
    const emitter = path.join(ROOT, "test/fixtures/emitters/paths-emitter.ts");
    await writeFile(
      config,
      JSON.stringify({
        out: path.join(dir, "out"),
        apis: [{ name: "pylon", spec: path.join(ROOT, SPEC), addEmitters: [{ module: emitter }] }],
      }),
    );
    await contactgen(["generate", "--config", config, "--no-cache"], {}, dir);
    const written = await snapshotDir(path.join(dir, "out", "pylon"));
    expect(written["paths.ts"]).toMatch(/export const \w+Path: keyof paths = "\/contacts/);
    expect(written["validators.ts"]).toBeDefined();
  });

  it("rebuilds a worker's error as the same error", () => {
    const spec = new SpecError("a.yaml", "too deep", "move it", { line: 3, column: 4, pointer: "/x" }, "struct");
    const back = receivedError(structuredClone(sendableError(spec)));
    expect(back).toBeInstanceOf(SpecError);
    expect(back.message).toBe(spec.message);
    const range = receivedError(structuredClone(sendableError(new RangeError("Maximum call stack size exceeded"))));
    expect(range).toBeInstanceOf(RangeError);
    expect(range.message).toBe("Maximum call stack size exceeded");
    expect(receivedError(sendableError(new Error("boom"))).message).toBe("boom");
  });
});
