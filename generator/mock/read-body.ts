import type { IncomingMessage } from "node:http";
import { BodyError } from "./media.js";

/** Reads the whole body, refusing (413) anything over `limit` bytes without buffering it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new BodyError(413, `the body is ${declared} bytes; this mock accepts at most ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      req.off("data", onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(new BodyError(413, `the body exceeds ${limit} bytes, the most this mock accepts`));
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish());
    // A reset or aborted upload is the client leaving, not a failure of the mock.
    req.once("error", () => finish(new BodyError(400, "the client closed the request early")));
    req.once("close", () =>
      finish(req.complete ? undefined : new BodyError(400, "the client closed the request early")),
    );
  });
}
