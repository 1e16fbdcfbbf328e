import { describe, expect, it } from "vitest";
import { serialiseBody } from "../../generator/runtime/body.js";
import { ResponseTooLargeError } from "../../generator/runtime/errors.js";
import { readResponse } from "../../generator/runtime/read.js";

describe("serialiseBody", () => {
  it.each([
    ["JSON", { a: 1 }, "application/json", '{"a":1}', "application/json"],
    [
      "JSON:API",
      { data: { type: "t" } },
      "application/vnd.api+json",
      '{"data":{"type":"t"}}',
      "application/vnd.api+json",
    ],
    ["no media type", [1], undefined, "[1]", "application/json"],
    [
      "form, nested and repeated",
      { a: "x y", b: [1, 2], m: { k: "v", n: { d: true } } },
      "application/x-www-form-urlencoded",
      "a=x+y&b=1&b=2&m%5Bk%5D=v&m%5Bn%5D%5Bd%5D=true",
      "application/x-www-form-urlencoded",
    ],
    ["text", "plain", "text/plain", "plain", "text/plain"],
  ])("%s", (_name, value, mediaType, body, contentType) => {
    expect(serialiseBody(value, mediaType)).toEqual({ body, contentType });
  });
});

describe("readResponse (auto: by Content-Type)", () => {
  it.each([
    ["JSON", '{"a":1}', "application/json; charset=utf-8", { a: 1 }],
    ["JSON:API", '{"data":null}', "application/vnd.api+json", { data: null }],
    ["text stays text", "hello", "text/plain", "hello"],
    ["XML is text", "<a/>", "application/xml", "<a/>"],
    ["broken JSON stays text", "{nope", "application/json", "{nope"],
  ])("%s", async (_name, raw, contentType, want) => {
    const response = new Response(raw, { headers: { "Content-Type": contentType } });
    expect(await readResponse("op", response, "GET", "auto", 1024)).toEqual(want);
  });

  it("returns bytes as a Blob, byte for byte", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const response = new Response(png, { headers: { "Content-Type": "image/png" } });
    const blob = (await readResponse("op", response, "GET", "auto", 1024)) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("image/png");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(png);
  });

  it("refuses a body over the limit, declared or counted", async () => {
    const declared = new Response("x".repeat(20), { headers: { "Content-Length": "20" } });
    await expect(readResponse("op", declared, "GET", "text", 10)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(4));
        controller.close();
      },
    });
    await expect(readResponse("op", new Response(stream), "GET", "arrayBuffer", 10)).rejects.toThrow(
      /larger than maxResponseBytes \(10\)/,
    );
  });
});
