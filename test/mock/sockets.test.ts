/**
 * Mock socket and log hygiene (issue 10): a connection that never sends a byte is closed; a client that leaves
 * mid-upload is logged as a disconnect, not an internal error; request text reaches the log with control characters
 * escaped. Raw sockets on 127.0.0.1.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type MockServer } from "../../generator/mock/server.js";

let mock: MockServer;
const logged: string[] = [];
beforeAll(async () => {
  mock = await startMock({ file: "specs/pylon/openapi.yaml", requestTimeoutMs: 500, log: (l) => logged.push(l) });
});
afterAll(() => mock.close());

/** A hang detector, not a speed check: the mock closes after 500 ms, this gives it 60 times that. */
const STUCK_MS = 30_000;
const connect = () =>
  new Promise<net.Socket>((resolve, reject) => {
    const stuck = setTimeout(
      () => reject(new Error(`no connection to the mock on port ${mock.port} after ${STUCK_MS} ms`)),
      STUCK_MS,
    );
    const socket: net.Socket = net.connect(mock.port, "127.0.0.1", () => {
      clearTimeout(stuck);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(stuck);
      reject(error);
    });
  });
/**
 * Resolves when the socket closes; rejects, saying what the mock's server sees, if it is still open when stuck.
 * The socket is read (and what arrives dropped): a paused socket with unread bytes never emits 'end', so never
 * 'close'. The mock may well send bytes first: when this process stalls past the timeouts (a loaded machine), Node's
 * connection check can answer 408 to the silent connection before the idle timeout destroys it. Seen twice in whole
 * runs under load; reproduced by blocking the event loop for 700 ms in the server's 'connection' handler.
 */
const closed = (socket: net.Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.resume();
    if (socket.closed) {
      resolve();
      return;
    }
    const stuck = setTimeout(() => {
      mock
        .connections()
        .then(
          (count) =>
            reject(new Error(`socket still open after ${STUCK_MS} ms; the mock's server holds ${count} connection(s)`)),
          reject,
        );
    }, STUCK_MS);
    socket.once("close", () => {
      clearTimeout(stuck);
      resolve();
    });
  });
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe("mock sockets", () => {
  it("closes a connection that never sends anything", async () => {
    const socket = await connect();
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it("logs a client that leaves mid-body as a disconnect, not an internal error", async () => {
    const socket = await connect();
    socket.write(
      'POST /contacts HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":',
    );
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    await until(() => logged.some((l) => l.includes("client disconnected")));
    expect(logged.find((l) => l.includes("client disconnected"))).toBe("POST /contacts — client disconnected");
    expect(logged.join("\n")).not.toMatch(/internal error/);
  });

  it("keeps control characters a request decodes to out of the log", async () => {
    // The HTTP parser refuses raw control bytes in the request line; percent-encoded ones decode inside the mock.
    const res = await fetch(`${mock.url}/contacts/%1B%5B31mred%00?q=%1B%5B2J`);
    await res.text();
    await until(() => logged.some((l) => l.startsWith("GET /contacts/%1B")));
    expect(logged.join("\n")).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
