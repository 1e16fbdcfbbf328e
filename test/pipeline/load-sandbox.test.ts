/**
 * Spec loading is sandboxed (issue 10): `$ref`s read only regular files inside the spec's folder tree (or an allowed
 * root), never the network unless allowed (then with a timeout and a size cap); YAML alias bombs, `$ref` cycles and
 * very deep documents end in one SpecError naming the file, where, and what to do. The remote tests use loopback
 * servers only.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument, type LoadOptions } from "../../generator/load/load.js";
import { SpecError } from "../../generator/load/spec-error.js";

let root: string;
let specDir: string;
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "contactgen-sandbox-"));
  specDir = path.join(root, "spec");
  await mkdir(path.join(specDir, "schemas"), { recursive: true });
  await writeFile(path.join(root, "outside.yaml"), "type: object\ndescription: OUTSIDE TEXT\n");
  await writeFile(path.join(specDir, "schemas", "inside.yaml"), "type: object\ndescription: inside text\n");
  await symlink(path.join(root, "outside.yaml"), path.join(specDir, "schemas", "link.yaml"));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(root, { recursive: true, force: true });
});

/** A spec in specDir whose one response schema is `{$ref: ref}`. */
async function specWithRef(name: string, ref: string): Promise<string> {
  const file = path.join(specDir, `${name}.yaml`);
  await writeFile(
    file,
    [
      "openapi: 3.1.0",
      'info: {title: t, version: "1"}',
      "paths:",
      "  /a:",
      "    get:",
      "      responses:",
      '        "200":',
      "          description: ok",
      "          content:",
      "            application/json:",
      `              schema: {$ref: ${JSON.stringify(ref)}}`,
      "",
    ].join("\n"),
  );
  return file;
}

async function failure(file: string, options?: LoadOptions): Promise<SpecError> {
  const error = await loadDocument(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  const message = (error as SpecError).message;
  expect(message).not.toMatch(/\n\s+at /);
  expect(message).toMatch(/\n {2}→ /);
  return error as SpecError;
}

/** A loopback server answering every request with `answer`; `undefined` accepts and never answers. */
async function server(answer?: (res: import("node:http").ServerResponse) => void): Promise<string> {
  const s = createServer((_req, res) => answer?.(res));
  s.on("connection", (socket) => sockets.add(socket));
  servers.push(s);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe("local $refs stay inside the spec's folder tree", () => {
  it("reads a file inside it", async () => {
    const loaded = await loadDocument(await specWithRef("inside", "./schemas/inside.yaml"));
    expect(JSON.stringify(loaded.doc)).toContain("inside text");
  });

  it.each([
    ["a ../ path", "../outside.yaml"],
    ["an absolute path", "/etc/passwd"],
    ["a symlink inside that points outside", "./schemas/link.yaml"],
  ])("refuses %s, at the $ref's location, naming --allow-ref-root", async (name, ref) => {
    const error = await failure(await specWithRef(name.replace(/\W+/g, "-"), ref));
    expect(error.message).toMatch(
      /:11:\d+ \(at #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\)/,
    );
    expect(error.message).toMatch(/is outside the spec's folder/);
    expect(error.message).toMatch(/--allow-ref-root DIR/);
    expect(error.message).not.toContain("OUTSIDE TEXT");
  });

  it("reads outside with --allow-ref-root", async () => {
    const loaded = await loadDocument(await specWithRef("allowed", "../outside.yaml"), { allowRefRoots: [root] });
    expect(JSON.stringify(loaded.doc)).toContain("OUTSIDE TEXT");
  });

  it.each([
    ["a device file as $ref", () => specWithRef("dev-zero", "/dev/zero"), { allowRefRoots: ["/dev"] }],
    ["a device file as the document", async () => "/dev/zero", {}],
    ["a folder as $ref", () => specWithRef("folder", "./schemas"), {}],
  ])("refuses %s: not a regular file", async (_name, make, options) => {
    const error = await failure(await make(), options);
    expect(error.message).toMatch(/is not a regular file|not a regular file|EISDIR|folder/);
  });

  it("caps the size of every file read", async () => {
    await writeFile(path.join(specDir, "schemas", "big.yaml"), `description: ${"x".repeat(5000)}\n`);
    const error = await failure(await specWithRef("big", "./schemas/big.yaml"), { maxFileBytes: 4096 });
    expect(error.message).toMatch(/big\.yaml is larger than 4096 bytes/);
  });

  it("refuses file: URLs", async () => {
    const error = await failure(await specWithRef("file-url", `file://${path.join(root, "outside.yaml")}`));
    expect(error.message).toMatch(/file: URLs are not read/);
  });
});

describe("remote $refs", () => {
  it("are refused without --allow-remote-refs, and nothing is fetched", async () => {
    let hits = 0;
    const url = await server((res) => {
      hits++;
      res.end("type: string\n");
    });
    const error = await failure(await specWithRef("remote-off", `${url}/schema.yaml?token=secret`));
    expect(error.message).toMatch(/remote \$ref http:\/\/127\.0\.0\.1:\d+\/schema\.yaml is not fetched/);
    expect(error.message).toMatch(/--allow-remote-refs/);
    expect(error.message).not.toContain("secret");
    expect(hits).toBe(0);
  });

  it("are fetched with --allow-remote-refs", async () => {
    const url = await server((res) => res.end("type: object\ndescription: REMOTE TEXT\n"));
    const loaded = await loadDocument(await specWithRef("remote-on", `${url}/schema.yaml`), { allowRemoteRefs: true });
    expect(JSON.stringify(loaded.doc)).toContain("REMOTE TEXT");
  });

  it("time out against a silent server", async () => {
    const url = await server();
    const error = await failure(await specWithRef("remote-silent", `${url}/schema.yaml`), {
      allowRemoteRefs: true,
      remoteTimeoutMs: 300,
    });
    expect(error.message).toMatch(/fetching http:\/\/127\.0\.0\.1:\d+\/schema\.yaml timed out after 300 ms/);
  });

  it("are capped in size", async () => {
    const url = await server((res) => res.end(`description: ${"x".repeat(10_000)}\n`));
    const error = await failure(await specWithRef("remote-big", `${url}/big.yaml`), {
      allowRemoteRefs: true,
      maxFileBytes: 4096,
    });
    expect(error.message).toMatch(/big\.yaml is larger than 4096 bytes/);
  });
});

describe("documents no walker survives end in a SpecError", () => {
  it("a YAML alias bomb", async () => {
    const lines = ["openapi: 3.1.0", 'info: {title: t, version: "1"}', "paths: {}", "x-bomb:"];
    lines.push(`  a0: &a0 [${Array(9).fill('"lol"').join(",")}]`);
    for (let i = 1; i < 9; i++)
      lines.push(
        `  a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(",")}]`,
      );
    const file = path.join(specDir, "bomb.yaml");
    await writeFile(file, `${lines.join("\n")}\n`);
    expect((await failure(file)).message).toMatch(/bomb\.yaml expands YAML aliases more than 10000 times/);
  });

  it("a $ref-only cycle names its pointers", async () => {
    const file = path.join(specDir, "cycle.yaml");
    await writeFile(
      file,
      (await import("node:fs")).readFileSync(await specWithRef("cycle-base", "#/components/schemas/A"), "utf8") +
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
    );
    expect((await failure(file)).message).toMatch(
      /cycle\.yaml: \$ref cycle: #\/components\/schemas\/A → #\/components\/schemas\/B → #\/components\/schemas\/A/,
    );
  });

  it.each([["#"], [""]])("a $ref to the whole document (%j) inside it", async (ref) => {
    // Found by the fuzz test: Redocly inlines the whole document there, and the bundle contains itself.
    const file = path.join(specDir, `whole-${ref.length}.yaml`);
    const schema = `components:\n  schemas:\n    S: {type: string, maxLength: {$ref: ${JSON.stringify(ref)}}}\n`;
    await writeFile(file, `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n${schema}`);
    expect((await failure(file)).message).toMatch(
      /the \$ref at #\/components\/schemas\/S\/maxLength points at the whole document/,
    );
  });

  it.each([
    [
      "JSON",
      "deep.json",
      (d: number) =>
        `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"D":${'{"type":"array","items":'.repeat(d)}{}${"}".repeat(d)}}}}`,
    ],
    [
      "YAML flow",
      "deep.yaml",
      (d: number) =>
        `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${"[".repeat(d)}${"]".repeat(d)}\n`,
    ],
  ])("a %s document nested 3,000 deep", async (_name, base, make) => {
    const file = path.join(specDir, base);
    await writeFile(file, make(3000));
    // JSON: our depth cap; YAML: js-yaml's own (100), reported at its position.
    expect((await failure(file)).message).toMatch(
      /nests more than 200 levels deep \(at #\/components|deep\.yaml:4:\d+: not valid YAML\/JSON: nesting exceeded maxDepth \(100\)\n {2}→ the YAML parser stops at 100 levels/,
    );
  });
});
