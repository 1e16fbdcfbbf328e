/** The preview server over real HTTP on 127.0.0.1: files are served, nothing outside the root is. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocsServer } from "../../generator/docs/docs-server.js";
import { parseServeArgs } from "../../generator/docs/serve.js";
import { createStaticServer } from "../../generator/docs/static-server.js";
import { startMock } from "../../generator/mock/server.js";
import { runCli } from "../support/cli.js";
import { spawnBin } from "../support/tsx.js";
import { ROOT } from "./build-helpers.js";

let dir: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docs-serve-"));
  await mkdir(path.join(dir, "site/examples/a"), { recursive: true });
  await writeFile(path.join(dir, "site/index.html"), "<p>index</p>");
  await writeFile(path.join(dir, "site/examples/a/op.ts"), "export {};\n");
  await writeFile(path.join(dir, "secret.txt"), "secret");
  await symlink(path.join(dir, "secret.txt"), path.join(dir, "site/link.txt"));
  server = createStaticServer(path.join(dir, "site"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Raw request: the path is sent exactly as written (no client-side normalisation). */
function get(rawPath: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("docs static server", () => {
  it.each([
    ["root serves index.html", "/", 200, "text/html"],
    ["a page", "/index.html", 200, "text/html"],
    ["an example as text", "/examples/a/op.ts", 200, "text/plain"],
    ["query strings are ignored", "/index.html?x=1", 200, "text/html"],
    ["a missing file", "/nope.html", 404, "text/plain"],
  ])("%s", async (_name, target, status, type) => {
    const res = await get(target);
    expect(res.status).toBe(status);
    expect(res.type).toContain(type);
  });

  it.each([
    ["dot-dot", "/../secret.txt"],
    ["encoded dot-dot", "/%2e%2e/secret.txt"],
    ["encoded slash", "/..%2fsecret.txt"],
    ["nested escape", "/examples/../../secret.txt"],
    ["backslash", "/..%5csecret.txt"],
    ["NUL byte", "/index.html%00.txt"],
    ["bad escape", "/%E0%A4%A"],
    ["symlink out of the root", "/link.txt"],
  ])("refuses path traversal: %s", async (_name, target) => {
    const res = await get(target);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("secret");
  });

  it("answers only GET and HEAD", async () => {
    expect((await get("/index.html", "POST")).status).toBe(405);
    const head = await get("/index.html", "HEAD");
    expect([head.status, head.body]).toEqual([200, ""]);
  });
});

describe("npm run docs:serve", () => {
  // The servers run as the npm script runs them (`node bin/contactgen.mjs docs serve`); bad input is checked
  // in-process.
  const run = (args: string[]) => spawnBin(["docs", "serve", ...args], dir);

  it("serves the folder on 127.0.0.1 and prints the URL", async () => {
    const child = run(["--port", "0", "--dir", "site"]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (match) resolve(match[0]);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const res = await fetch(`${url}index.html`);
      expect([res.status, await res.text()]).toEqual([200, "<p>index</p>"]);
    } finally {
      child.kill();
    }
  });

  it("with --mock runs every API's mock behind the same origin and names them in mock-config.js", async () => {
    const child = run(["--port", "0", "--dir", "site", "--mock", "--config", path.join(ROOT, "generator.config.json")]);
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (/mock of pylon at /.test(text)) resolve(text);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
      });
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0] as string;
      const config = await (await fetch(`${url}assets/mock-config.js`)).text();
      expect(config).toContain('"pylon":"mock/pylon"');
      const res = await fetch(`${url}mock/pylon/contacts`, { headers: { authorization: "Bearer t" } });
      expect(res.status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it.each([
    ["a missing folder", ["--dir", "nope"], /nope\/ does not exist; run `contactgen docs` \(npm run docs\) first/],
    ["a bad port", ["--port", "http"], /--port must be an integer.*\nusage: contactgen docs serve/],
  ])("explains %s", async (_name, args, message) => {
    const { code, stderr } = await runCli(["docs", "serve", ...args], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe("docs server with mocks (docs:serve --mock)", () => {
  it("tells pages where the mocks are and forwards requests to them on the same origin", async () => {
    const mock = await startMock({ file: path.join(ROOT, "specs/pylon/openapi.yaml") });
    const docs = createDocsServer(path.join(dir, "site"), { mocks: { pylon: mock.url } });
    await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/assets/mock-config.js`)).text()).toBe(
        'window.contactgenMock = {"pylon":"mock/pylon"};\n',
      );
      const created = await fetch(`${base}/mock/pylon/contacts`, {
        method: "POST",
        headers: { authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ name: "Ada", email: "ada@example.com" }),
      });
      expect(created.status).toBe(200);
      expect(((await created.json()) as { data: { email: string } }).data.email).toBe("ada@example.com");
      expect((await fetch(`${base}/mock/other/contacts`)).status).toBe(404);
      expect((await fetch(`${base}/index.html`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => docs.close(resolve));
      await mock.close();
    }
  });

  it.each([
    ["defaults", [], { port: 4173, dir: "site", mock: false, config: "generator.config.json", basePath: "/" }],
    [
      "--mock --base-path",
      ["--mock", "--port", "0", "--base-path", "/repo/"],
      { port: 0, dir: "site", mock: true, config: "generator.config.json", basePath: "/repo/" },
    ],
  ])("parses %s", (_name, argv, want) => expect(parseServeArgs(argv)).toEqual(want));

  it("serves a site under its base path, answering misses with its 404.html", async () => {
    await writeFile(path.join(dir, "site", "404.html"), "<p>missing</p>");
    const docs = createDocsServer(path.join(dir, "site"), { basePath: "/repo/" });
    await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/repo/index.html`);
      expect([page.status, await page.text()]).toEqual([200, "<p>index</p>"]);
      for (const miss of ["/repo/a/b/c.html", "/index.html", "/repo/../site/index.html"]) {
        const res = await fetch(`${base}${miss}`);
        expect([miss, res.status, await res.text()]).toEqual([miss, 404, "<p>missing</p>"]);
      }
    } finally {
      await new Promise((resolve) => docs.close(resolve));
    }
  });
});
