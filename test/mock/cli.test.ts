/** `npm run mock` end to end: the CLI serves a configured API or any `--spec` file, and explains bad input. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CORPUS } from "../support/shared.js";

const TSX = "node_modules/.bin/tsx";

/** Starts the CLI and resolves with its base URL once it prints it, plus a stop function. */
function start(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(TSX, ["generator/mock/cli.ts", ...args, "--port", "0", "--quiet"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /on (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(out)?.[1];
      if (url) {
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              child.once("exit", (code) => done(code));
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`mock exited ${code}: ${err}`)));
  });
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(TSX, ["generator/mock/cli.ts", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

// Each case spawns tsx (about two seconds of start-up): run them side by side.
describe.concurrent("mock CLI", () => {
  it.each([
    ["a configured API", ["kare"], "/companies/v2/rs/1/contacts/2", "/main"],
    ["any document with --spec", ["--spec", `${CORPUS}/oai-petstore.v3.0.yaml`], "/pets", "/v1"],
  ])("serves %s", async (_name, args, path, base) => {
    const mock = await start(args);
    try {
      expect(new URL(mock.url).pathname).toBe(base);
      const res = await fetch(`${mock.url}${path}`, { method: args[0] === "kare" ? "PATCH" : "GET" });
      expect([200, 401]).toContain(res.status);
      // Kare documents its 401 without content: the mock then explains in a header instead of a body.
      if (res.status === 401) expect(res.headers.get("x-mock-error")).toMatch(/Authorization/);
      else expect(res.headers.get("content-type")).toBe("application/json");
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  it.each([
    ["unknown API", ["nope"], /unknown API "nope".*pylon/s],
    ["missing file", ["--spec", "missing.yaml"], /missing\.yaml.*cannot read/],
    ["bad port", ["pylon", "--port", "http"], /--port must be/],
  ])("%s fails with a clear message", async (_name, args, says) => {
    const { code, stderr } = await run(args);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(says);
  });
});
