/**
 * Multipart and form request bodies get operation validators like JSON bodies: a strict client refuses a bad
 * upload before anything reaches the network (over real HTTP: the server counts what arrives), and a good one
 * goes through. The runtime validates a view of the body where a file is a string of its size.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { forValidation } from "../../generator/runtime/validate.js";
import { $len, $releaseFileStandIns } from "../../generator/runtime/validator-engine.js";
import { cleanupScratch, generateInto } from "../generator/helpers.js";

type Call = (...args: unknown[]) => Promise<unknown>;
interface FilesModule {
  createFilesClient: (options: Record<string, unknown>) => Record<string, Call>;
  ValidationError: new (...args: never[]) => Error;
}
interface Validators {
  operationValidators: Record<string, { body?: Record<string, { validate(value: unknown): unknown[] }> }>;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const received: Array<{ url: string; type: string }> = [];
let server: Server;
let mod: FilesModule;
let validators: Validators;
let client: Record<string, Call>;

beforeAll(async () => {
  const dir = await generateInto("test/fixtures/files.yaml", "files", { validators: true });
  mod = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as FilesModule;
  validators = (await import(pathToFileURL(path.join(dir, "validators.ts")).href)) as Validators;
  server = createServer((req, res) => {
    received.push({ url: req.url ?? "", type: req.headers["content-type"] ?? "" });
    req.resume();
    req.on("end", () => {
      const json = req.url?.startsWith("/v1/forms") ? { name: "ada" } : { caption: "ok" };
      res.writeHead(req.url?.startsWith("/v1/forms") ? 200 : 201, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = mod.createFilesClient({ baseUrl: `http://127.0.0.1:${port}/v1`, retry: false, validation: "strict" });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await cleanupScratch();
});

describe("multipart/form-data and form bodies", () => {
  it("have operation validators", () => {
    expect(Object.keys(validators.operationValidators.uploadFile?.body ?? {})).toEqual(["multipart/form-data"]);
    expect(Object.keys(validators.operationValidators.submitForm?.body ?? {})).toEqual([
      "application/x-www-form-urlencoded",
    ]);
  });

  it.each([
    ["a number where a file belongs", { file: 5, caption: "five" }, "/body/file"],
    ["a missing required file", { caption: "no file" }, "/body/file"],
    ["an over-long caption", { file: new Blob([PNG]), caption: "x".repeat(41) }, "/body/caption"],
    ["a tag that is not a string", { file: new Blob([PNG]), caption: "c", tags: ["a", 2] }, "/body/tags/1"],
  ])("a strict client refuses %s before sending", async (_label, body, at) => {
    const before = received.length;
    const error = (await client.uploadFile!(body).catch((e: unknown) => e)) as { issues?: Array<{ path: string }> };
    expect(error).toBeInstanceOf(mod.ValidationError);
    expect(error.issues?.map((i) => i.path)).toContain(at);
    expect(received.length).toBe(before);
  });

  it("a strict client sends a good upload (files as Blob, File and bytes) and a good form", async () => {
    const before = received.length;
    await client.uploadFile!({
      file: new File([PNG], "photo.png", { type: "image/png" }),
      caption: "holiday",
      tags: ["a"],
      meta: { owner: "ada" },
      thumbnail: PNG,
    });
    await client.submitForm!({ name: "ada", ids: [1, 2] });
    expect(received.slice(before).map((r) => r.type.split(";")[0])).toEqual([
      "multipart/form-data",
      "application/x-www-form-urlencoded",
    ]);
  });

  it("a strict client refuses a bad form field before sending", async () => {
    const before = received.length;
    await expect(client.submitForm!({ name: "far too long a name" })).rejects.toBeInstanceOf(mod.ValidationError);
    expect(received.length).toBe(before);
  });
});

/** A Blob that reports a size without holding the bytes: a 3 GiB upload, as the validation view sees it. */
class HugeBlob extends Blob {
  constructor(private readonly claimed: number) {
    super([]);
  }
  override get size(): number {
    return this.claimed;
  }
}

describe("files larger than a string can be", () => {
  const GiB = 2 ** 30;
  const schemas = {
    capped: { type: "object", properties: { file: { type: "string", maxLength: 2 * GiB } } },
    floored: { type: "object", properties: { file: { type: "string", minLength: 2 * GiB } } },
    small: { type: "object", properties: { file: { type: "string", maxLength: 10 } } },
  };
  const registry = new SchemaRegistry({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    components: { schemas },
  });
  const run = (name: keyof typeof schemas, size: number) => {
    try {
      const view = forValidation({ file: new HugeBlob(size) });
      return registry.check(`/components/schemas/${name}`, { direction: "request", prefix: "" }).run(view).issues;
    } finally {
      $releaseFileStandIns();
    }
  };

  it.each([
    ["a 3 GiB file over a 2 GiB maxLength", "capped", 3 * GiB, ["maxLength"]],
    ["a 1 GiB file under a 2 GiB maxLength", "capped", GiB, []],
    ["a 1 GiB file under a 2 GiB minLength", "floored", GiB, ["minLength"]],
    ["a 3 GiB file over a 2 GiB minLength", "floored", 3 * GiB, []],
    ["a 3 GiB file over a 10-byte maxLength", "small", 3 * GiB, ["maxLength"]],
    ["a 5-byte file under a 10-byte maxLength", "small", 5, []],
  ] as const)("%s: validated by its size, without a string of that size", (_label, name, size, keywords) => {
    expect(run(name, size).map((i) => i.keyword)).toEqual(keywords);
  });

  it("a large stand-in is 1 MiB and knows the real size until released", () => {
    const view = forValidation({ file: new HugeBlob(3 * GiB) }) as { file: string };
    expect(view.file.length).toBe(2 ** 20);
    expect($len(view.file)).toBe(3 * GiB);
    $releaseFileStandIns();
    expect($len(view.file)).toBe(2 ** 20);
  });
});
