/** `npm run mock` end to end: the CLI serves a configured API or any `--spec` file, and explains bad input. */
import { describe, it } from "vitest";
import { CORPUS, NO_CORPUS } from "../support/shared.js";
import { runCli } from "../support/cli.js";
import { ROOT, spawnBin } from "../support/tsx.js";

/**
 * Starts `contactgen mock` as `npm run mock` does (bin/contactgen.mjs, on the precompiled CLI) and resolves with its
 * base URL once it prints it, plus a stop function.
 */
function start(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawnBin(["mock", ...args, "--port", "0", "--quiet"]);
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

/** Bad input never starts a server: in-process (test/support/cli.ts), the entry's own command. */
const run = (args: string[]) => runCli(["mock", ...args], ROOT);

// The server cases start a process each: run them side by side.
describe.concurrent("mock CLI", () => {
  const KARE_UPDATE = {
    method: "PATCH",
    headers: { authorization: "Bearer tok", "x-session-token": "s", "content-type": "application/json" },
    body: JSON.stringify({ notify: true, name: "Ada" }),
  };

  // Concurrent tests take `expect` from their context, so each counts its own assertions.
  it.skipIf(NO_CORPUS)("serves any document with --spec", async ({ expect }) => {
    const mock = await start(["--spec", `${CORPUS}/oai-petstore.v3.0.yaml`]);
    try {
      expect(new URL(mock.url).pathname).toBe("/v1");
      const res = await fetch(`${mock.url}/pets`);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(Array.isArray(await res.json())).toBe(true);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  it("serves a configured API: a valid call gets 200, a call without credentials 401", async ({ expect }) => {
    const mock = await start(["kare"]);
    try {
      expect(new URL(mock.url).pathname).toBe("/main");
      const url = `${mock.url}/companies/v2/rs/1/contacts/2`;
      const ok = await fetch(url, KARE_UPDATE);
      expect(ok.status, await ok.clone().text()).toBe(200);
      expect(ok.headers.get("content-type")).toBe("application/json");
      expect(await ok.json()).toMatchObject({ id: expect.any(Number) as number });
      const { authorization: _, ...anonymous } = KARE_UPDATE.headers;
      const refused = await fetch(url, { ...KARE_UPDATE, headers: anonymous });
      expect(refused.status).toBe(401);
      // Kare documents its 401 without content: the mock then explains in a header instead of a body.
      expect(refused.headers.get("x-mock-error")).toMatch(/Authorization/);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  it.for([
    ["unknown API", ["nope"], /unknown API "nope".*pylon/s],
    ["missing file", ["--spec", "missing.yaml"], /missing\.yaml.*cannot read/],
    ["bad port", ["pylon", "--port", "http"], /--port must be/],
  ] as const)("%s fails with a clear message", async ([, args, says], { expect }) => {
    const { code, stderr } = await run([...args]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(says);
  });
});
