import { mkdtemp, readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../generator/load/load.js";
import { SpecError } from "../../generator/load/spec-error.js";
import { findStaleFiles, writeOutputs } from "../../generator/write/write.js";

async function tempDir() {
  return mkdtemp(path.join(os.tmpdir(), "pipeline-"));
}

describe("loadDocument errors name the file, the location and what to do", () => {
  it.each([
    ["yaml syntax", "openapi: 3.1.0\ninfo: {title: x\n", /broken\.yaml:3:1: not valid YAML/],
    [
      "yaml syntax after a readable version line",
      'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    get: [\n',
      /broken\.yaml:6:1: not valid YAML\/JSON: deficient indentation\n  → fix the syntax/,
    ],
    ["json syntax", '{"openapi": "3.1.0", "info": ', /broken\.yaml:1:\d+: not valid YAML\/JSON/],
    ["swagger 2", "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n", /convert Swagger 2.0/],
    ["version", "openapi: 4.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n", /unsupported OpenAPI version "4.0.0"/],
    [
      "dangling ref",
      'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n',
      /broken\.yaml:7:16 \(at #\/paths\/~1a\/get\/responses\/200\): Can't resolve \$ref \[no-unresolved-refs\]\n  → point the \$ref/,
    ],
  ])("%s", async (_name, text, want) => {
    const dir = await tempDir();
    const file = path.join(dir, "broken.yaml");
    await writeFile(file, text);
    const error = await loadDocument(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(want);
  });

  it("a missing file says so", async () => {
    await expect(loadDocument("does/not/exist.yaml")).rejects.toThrow(/exist\.yaml: cannot read the file \(ENOENT\)/);
  });
});

describe("writer", () => {
  it("replaces a folder's whole contents and reports nothing stale afterwards", async () => {
    const dir = path.join(await tempDir(), "out");
    await mkdir(dir);
    await writeFile(path.join(dir, "old.ts"), "old\n");
    const sets = [
      {
        dir,
        files: [
          { path: "a.ts", contents: "a" },
          { path: "sub/b.ts", contents: "b\n" },
        ],
      },
    ];
    expect((await findStaleFiles(sets)).map((s) => s.reason).sort()).toEqual(["extra", "missing", "missing"]);
    await writeOutputs(sets);
    expect((await readdir(dir)).sort()).toEqual(["a.ts", "sub"]);
    expect(await readFile(path.join(dir, "a.ts"), "utf8")).toBe("a\n");
    expect(await findStaleFiles(sets)).toEqual([]);
  });

  it.each([
    ["escaping path", [{ path: "../evil.ts", contents: "x" }], /unsafe output path/],
    [
      "duplicate path",
      [
        { path: "a.ts", contents: "1" },
        { path: "a.ts", contents: "2" },
      ],
      /same output file/,
    ],
    ["CRLF", [{ path: "a.ts", contents: "a\r\n" }], /contains CR/],
  ])("rejects %s and leaves every folder untouched", async (_name, files, want) => {
    const root = await tempDir();
    const good = path.join(root, "good");
    const bad = path.join(root, "bad");
    await mkdir(good);
    await writeFile(path.join(good, "keep.ts"), "keep\n");
    await expect(
      writeOutputs([
        { dir: good, files: [{ path: "new.ts", contents: "n" }] },
        { dir: bad, files },
      ]),
    ).rejects.toThrow(want);
    expect(await readdir(good)).toEqual(["keep.ts"]);
    expect(await readdir(root)).toEqual(["good"]);
  });
});
