/** The event-stream parser (WHATWG HTML §9.2): fields, multi-line data, comments, every line ending, split chunks. */
import { describe, expect, it } from "vitest";
import { parseEventStream } from "../../generator/runtime/sse.js";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function events(chunks: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const event of parseEventStream(streamOf(chunks))) out.push(event);
  return out;
}

describe("parseEventStream", () => {
  it.each([
    ["LF", ["data: a\n\n"], [{ event: "message", data: "a" }]],
    ["CRLF", ["data: a\r\n\r\n"], [{ event: "message", data: "a" }]],
    ["CR", ["data: a\r\r"], [{ event: "message", data: "a" }]],
    ["CRLF split across chunks", ["data: a\r", "\n\r", "\n"], [{ event: "message", data: "a" }]],
    ["multi-line data", ["data: a\ndata: b\n\n"], [{ event: "message", data: "a\nb" }]],
    ["comments and unknown fields", [": ping\nfoo: bar\ndata:x\n\n"], [{ event: "message", data: "x" }]],
    [
      "event, id and retry; id persists",
      ["event: tick\nid: 7\nretry: 50\ndata: 1\n\ndata: 2\n\n"],
      [
        { event: "tick", data: "1", id: "7", retry: 50 },
        { event: "message", data: "2", id: "7" },
      ],
    ],
    ["no data: no event", ["event: x\n\n"], []],
  ])("%s", async (_name, chunks, want) => {
    expect(await events(chunks)).toEqual(want);
  });

  it("a UTF-8 character split across chunks", async () => {
    const bytes = new TextEncoder().encode("data: ✓\n\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const out: unknown[] = [];
    for await (const event of parseEventStream(stream)) out.push(event);
    expect(out).toEqual([{ event: "message", data: "✓" }]);
  });
});
