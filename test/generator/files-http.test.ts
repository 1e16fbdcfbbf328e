/**
 * Real-world HTTP over 127.0.0.1: a client generated from test/fixtures/files.yaml against the mock (bytes, files,
 * forms, text, media-type choice, parseAs, maxResponseBytes) and, where the wire itself is the proof, against a
 * recording server. Also compiles the generated client with type tests (Blob accepted, number refused).
 */
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { cleanupScratch, generateInto, typecheck } from "./helpers.js";

/** The generated module, loosely typed: the type tests below check the real signatures with tsc. */
interface FilesModule {
  createFilesClient: (options: Record<string, unknown>) => FilesClient;
  openapiFetchTransport: () => unknown;
  ApiError: new (...args: never[]) => Error;
  ValidationError: new (...args: never[]) => Error;
  ResponseTooLargeError: new (...args: never[]) => Error;
}
type Call = (...args: unknown[]) => Promise<unknown>;
type FilesClient = Record<string, Call> & {
  streamTicksEvents: (
    options?: Record<string, unknown>,
  ) => AsyncIterable<{ id?: string; event: string; data: unknown }>;
};

const SPEC = "test/fixtures/files.yaml";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);

let dir: string;
let mod: FilesModule;
let mock: MockServer;
let client: FilesClient;

beforeAll(async () => {
  dir = await generateInto(SPEC, "files", { validators: true });
  mod = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as FilesModule;
  mock = await startMock({ file: SPEC, bodyLimit: 4 * 1024 * 1024 });
  client = mod.createFilesClient({ baseUrl: mock.url, retry: false });
});
afterAll(async () => {
  await mock?.close();
  await cleanupScratch();
});

async function bytesOf(value: unknown): Promise<Uint8Array> {
  if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new Error(`not bytes: ${Object.prototype.toString.call(value)}`);
}

describe("binary bodies", () => {
  it("1 MB of random bytes go up and come back byte for byte", async () => {
    const sent = randomBytes(1024 * 1024);
    const data = await client.echoBytes!(new Blob([sent]));
    expect(data).toBeInstanceOf(Blob);
    const back = await bytesOf(data);
    expect(back.byteLength).toBe(sent.byteLength);
    expect(Buffer.from(back).equals(sent)).toBe(true);
  });

  it("14 PNG bytes as image/png (chosen per call) come back exact, typed image/png", async () => {
    const data = (await client.echoBytes!(PNG, { contentType: "image/png" })) as Blob;
    expect(data.type).toBe("image/png");
    expect(await bytesOf(data)).toEqual(PNG);
  });

  it("accepts ArrayBuffer and ReadableStream bodies too", async () => {
    const fromBuffer = await client.echoBytes!(PNG.buffer.slice(0), { parseAs: "arrayBuffer" });
    expect(new Uint8Array(fromBuffer as ArrayBuffer)).toEqual(PNG);
    const stream = new Blob([PNG]).stream();
    expect(await bytesOf(await client.echoBytes!(stream))).toEqual(PNG);
  });

  it("a download is a Blob by default, a ReadableStream with parseAs: stream", async () => {
    const blob = (await client.getFileContent!("f1")) as Blob;
    expect(blob.type).toBe("image/png");
    expect((await bytesOf(blob)).slice(0, 8)).toEqual(PNG.slice(0, 8));
    const stream = await client.getFileContent!("f1", { parseAs: "stream" });
    expect(stream).toBeInstanceOf(ReadableStream);
    const streamed = new Uint8Array(await new Response(stream as ReadableStream).arrayBuffer());
    expect(streamed).toEqual(await bytesOf(blob));
  });

  it("maxResponseBytes stops a body that is too large, and is not retried", async () => {
    let sent = 0;
    const small = mod.createFilesClient({
      baseUrl: mock.url,
      maxResponseBytes: 1000,
      hooks: { onRequest: () => void sent++ },
    });
    await expect(small.echoBytes!(new Blob([randomBytes(5000)]))).rejects.toBeInstanceOf(mod.ResponseTooLargeError);
    expect(sent).toBe(1);
    // A stream is the caller's to bound.
    const stream = await small.echoBytes!(new Blob([randomBytes(5000)]), { parseAs: "stream" });
    expect((await new Response(stream as ReadableStream).arrayBuffer()).byteLength).toBe(5000);
  });

  it("openapi-fetch stays selectable as the transport, bytes intact", async () => {
    const viaOpenapiFetch = mod.createFilesClient({ baseUrl: mock.url, transport: mod.openapiFetchTransport() });
    expect(await bytesOf(await viaOpenapiFetch.echoBytes!(PNG, { contentType: "image/png" }))).toEqual(PNG);
  });
});

describe("multipart/form-data", () => {
  it("parts arrive with their filename and content type (per-part encoding honoured)", async () => {
    const file = new File([PNG], "photo.png", { type: "image/png" });
    const data = await client.uploadFile!({
      file,
      caption: "holiday",
      tags: ["a", "b"],
      meta: { owner: "ada" },
      thumbnail: PNG,
    });
    expect(data).toEqual({
      caption: "holiday",
      tags: ["a", "b"],
      file: { filename: "photo.png", contentType: "image/png", size: 14 },
      // A bare buffer gets the content type the encoding object gives it.
      thumbnail: { filename: "blob", contentType: "image/png", size: 14 },
    });
  });

  it.each([
    ["a missing required file", { caption: "no file" }, /\/body.*file|required/],
    ["an over-long caption", { file: new Blob([PNG]), caption: "x".repeat(41) }, /caption/],
    ["a number where a file belongs", { file: 5, caption: "five" }, /file/],
    [
      "a part of a type the encoding does not allow",
      { file: new Blob(["x"], { type: "text/plain" }), caption: "t" },
      /file/,
    ],
  ])("the mock refuses %s with a 4xx", async (_name, body, issue) => {
    const error = (await client.uploadFile!(body).catch((e: unknown) => e)) as { status: number; body: unknown };
    expect(error).toBeInstanceOf(mod.ApiError);
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.body)).toMatch(issue);
  });
});

describe("multipart part headers (encoding.headers)", () => {
  it("the caller's part headers are sent with the part, by the header rules, and reach the mock", async () => {
    const file = new File([PNG], "data.bin", { type: "application/octet-stream" });
    const data = await client.uploadSigned!(
      { file, note: "n" },
      { partHeaders: { file: { "X-Checksum": "0badf00d", "X-Chunks": [1, 2, 3] } } },
    );
    expect(data).toEqual({
      file: { filename: "data.bin", size: 14, headers: { "X-Checksum": "0badf00d", "X-Chunks": "1,2,3" } },
    });
  });

  it("the mock refuses a part without a header its encoding declares required", async () => {
    const error = (await client.uploadSigned!({ file: new Blob([PNG]) }).catch((e: unknown) => e)) as {
      status: number;
      body: unknown;
    };
    expect(error).toBeInstanceOf(mod.ApiError);
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.body)).toMatch(/X-Checksum is required/);
  });

  it("a part header that could split the part's header block is refused before sending", async () => {
    const bad = { partHeaders: { file: { "X-Checksum": "0badf00d\r\nX-Evil: 1" } } };
    await expect(client.uploadSigned!({ file: new Blob([PNG]) }, bad)).rejects.toThrow(/X-Checksum.*CR, LF/);
  });
});

describe("forms and text", () => {
  it("a form field with `explode: false` is sent as ids=1,2,3 and read back by the mock", async () => {
    const data = await client.submitForm!({ name: "ada", ids: [1, 2, 3], filter: { state: "open" } });
    expect(data).toMatchObject({ name: "ada", ids: [1, 2, 3] });
  });

  it("the mock refuses the exploded form of an `explode: false` field", async () => {
    const response = await fetch(`${mock.url}/forms`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=ada&ids=1&ids=2",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-mock-error") ?? (await response.text())).toMatch(/ids/);
  });

  it("text responses are strings; a text body is chosen per call", async () => {
    expect(await client.getNote!("n1")).toBe("Buy milk");
    await expect(client.putNote!("n1", "plain words", { contentType: "text/plain" })).resolves.toBeUndefined();
    await expect(client.putNote!("n1", { text: "json words" })).resolves.toBeUndefined();
    const tooLong = await client.putNote!("n1", "y".repeat(101), { contentType: "text/plain" }).catch(
      (e: unknown) => e,
    );
    expect(tooLong).toBeInstanceOf(mod.ApiError);
  });

  it("an undocumented contentType is refused before sending", async () => {
    await expect(client.putNote!("n1", "x", { contentType: "text/csv" })).rejects.toThrow(/not documented/);
  });
});

describe("response headers", () => {
  it("declared headers arrive parsed and typed per status: numbers, booleans, arrays, objects, JSON", async () => {
    const results = mod.createFilesClient({ baseUrl: mock.url, retry: false, throwOnError: false });
    const ok = (await results.getLimits!()) as { status: number; headers: Record<string, unknown>; response: Response };
    expect(ok.status).toBe(200);
    // The mock sends every declared header, synthesised from its schema (or its example), by the shared rules.
    expect(ok.response.headers.get("X-Window")).toBe("start=1,unit=s");
    expect(ok.headers).toEqual({
      "X-Beta": true,
      "X-Codes": [3, 4, 5],
      "X-Meta": { plan: "free" },
      "X-Rate-Limit-Ratio": expect.any(Number) as unknown,
      "X-Rate-Limit-Remaining": expect.any(Number) as unknown,
      "X-Regions": ["eu"],
      "X-Window": { start: 1, unit: "s" },
    });
    const limited = (await results.getLimits!({ headers: { "x-mock-status": "429" } })) as {
      error: { status: number; headers: Record<string, unknown> };
    };
    expect(limited.error.status).toBe(429);
    expect(limited.error.headers).toEqual({ "Retry-After": 0 });
  });

  it("a thrown ApiError carries its status's headers too", async () => {
    const error = await client.getLimits!({ headers: { "x-mock-status": "429" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(mod.ApiError);
    expect((error as { headers: unknown }).headers).toEqual({ "Retry-After": 0 });
  });
});

describe("types", () => {
  it("Blob is accepted for binary fields and number refused (tsc over the generated client)", async () => {
    await writeFile(
      path.join(dir, "type-tests.ts"),
      `import { expectTypeOf } from "vitest";
import { ApiError, createFilesClient } from "./index.js";
const c = createFilesClient({});
export async function check(): Promise<void> {
  await c.uploadFile({ file: new Blob(["x"]), caption: "c" });
  await c.uploadFile({ file: new File(["x"], "a.txt"), caption: "c", thumbnail: new Blob([]) });
  // @ts-expect-error a number is not a file
  await c.uploadFile({ file: 5, caption: "c" });
  await c.echoBytes(new Uint8Array(4));
  await c.echoBytes(new ArrayBuffer(4), { contentType: "image/png" });
  // @ts-expect-error a plain object is not bytes
  await c.echoBytes({ bytes: 1 });
  // @ts-expect-error not a documented media type
  await c.echoBytes(new Blob([]), { contentType: "text/plain" });
  const blob: Blob = await c.getFileContent("f");
  const buffer: ArrayBuffer = await c.getFileContent("f", { parseAs: "arrayBuffer" });
  const text: string = await c.getNote("n");
  await c.putNote("n", "text", { contentType: "text/plain" });
  await c.putNote("n", { text: "json" });
  // @ts-expect-error the default media type is JSON: a string is not { text }
  await c.putNote("n", "text");
  for await (const event of c.streamTicksEvents()) {
    const n: number = event.data.n;
    void n;
  }
  void [blob, buffer, text];
  const limits = await c.getLimits({ throwOnError: false });
  if (limits.error) {
    expectTypeOf(limits.error.status).toEqualTypeOf<429>();
    expectTypeOf(limits.error.headers["Retry-After"]).toEqualTypeOf<number>();
  } else {
    expectTypeOf(limits.status).toEqualTypeOf<200>();
    expectTypeOf(limits.data).toEqualTypeOf<{ n: number }>();
    expectTypeOf(limits.headers["X-Rate-Limit-Remaining"]).toEqualTypeOf<number>();
    expectTypeOf(limits.headers["X-Rate-Limit-Ratio"]).toEqualTypeOf<number>();
    expectTypeOf(limits.headers["X-Beta"]).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(limits.headers["X-Regions"]).toEqualTypeOf<("eu" | "us")[] | undefined>();
    expectTypeOf(limits.headers["X-Window"]).toEqualTypeOf<{ start: number; unit: "s" | "m" } | undefined>();
    expectTypeOf(limits.headers["X-Meta"]).toEqualTypeOf<{ plan: "free" | "pro" } | undefined>();
    // @ts-expect-error an undeclared header is not on the typed object (raw text: limits.response.headers)
    void limits.headers["X-Other"];
  }
  const asText = await c.getLimits({ throwOnError: false, parseAs: "text" });
  if (!asText.error) expectTypeOf(asText.data).toEqualTypeOf<string>();
  expectTypeOf<ApiError["headers"]>().toEqualTypeOf<Readonly<Record<string, unknown>>>();
  await c.uploadSigned({ file: new Blob([]) }, { partHeaders: { file: { "X-Checksum": "0badf00d", "X-Chunks": [1] } } });
  // @ts-expect-error a part's required header is required once its headers are given
  await c.uploadSigned({ file: new Blob([]) }, { partHeaders: { file: { "X-Chunks": [1] } } });
  // @ts-expect-error X-Chunks is an array of integers
  await c.uploadSigned({ file: new Blob([]) }, { partHeaders: { file: { "X-Checksum": "0badf00d", "X-Chunks": "1" } } });
}
`,
    );
    expect(await typecheck(dir, { strictest: true })).toEqual({ ok: true, output: "" });
  });
});
