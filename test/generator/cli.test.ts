/**
 * The generate CLI (`contactgen generate`, in-process: test/support/cli.ts; the bin as a process is test/cli's): --spec/--out with lint findings
 * printed but not blocking, --check on stale, missing and extra files, errors that leave the output untouched,
 * deterministic output. The input is a repository fixture with deliberate lint errors (our rules), so these tests
 * need nothing outside the checkout.
 */
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApi } from "../../generator/pipeline.js";
import { MANIFEST } from "../../generator/write/write.js";
import { cleanupScratch, cli, ROOT, scratchDir, snapshotDir } from "./helpers.js";

const SPEC = "test/fixtures/lint/request-string-bounded.yaml";
const NAME = "things";
let out: string;
let relOut: string;
let first: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  out = scratchDir("cli");
  relOut = path.relative(ROOT, out);
  // Without --no-lint: a third-party document's lint errors are shown and generation goes on.
  first = await cli(["--spec", SPEC, "--out", relOut, "--name", NAME]);
});

afterAll(cleanupScratch);

describe("generate --spec", () => {
  it("prints the document's lint findings with file:line:col and still generates (exit 0)", () => {
    expect(first.stderr).toMatch(
      /^test\/fixtures\/lint\/request-string-bounded\.yaml:\d+:\d+ error .+ \[contactgen\/request-string-bounded\]$/m,
    );
    expect(first.stderr).toMatch(
      /request-string-bounded\.yaml: [1-9]\d* lint error\(s\), \d+ warning\(s\) \(not blocking\)/,
    );
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.stdout).toContain(`generated ${relOut.split(path.sep).join("/")} (`);
    expect(first.code).toBe(0);
  });

  it("writes the client, index, types and runtime", async () => {
    const files = Object.keys(await snapshotDir(out));
    expect(files).toEqual(
      expect.arrayContaining(["client.ts", "index.ts", "types.ts", "runtime/call.ts", "runtime/transport.ts"]),
    );
  });

  it("is deterministic and machine-independent", async () => {
    const first = await snapshotDir(out);
    const { files } = await generateApi(SPEC, NAME);
    const { [MANIFEST]: manifest, ...generated } = first;
    expect(
      Object.fromEntries(files.map((f) => [f.path, f.contents.endsWith("\n") ? f.contents : `${f.contents}\n`])),
    ).toEqual(generated);
    expect(JSON.parse(manifest ?? "{}")).toEqual({ generatedBy: "contactgen", files: files.map((f) => f.path) });
    for (const contents of Object.values(first)) {
      expect(contents).not.toContain(ROOT);
      expect(contents).not.toContain("\r");
      expect(contents).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});

describe("--check", () => {
  const check = (rel: string) => cli(["--spec", SPEC, "--out", rel, "--name", NAME, "--no-lint", "--check"]);

  it("passes on current output", async () => {
    expect((await check(relOut)).code).toBe(0);
  });

  it("fails and lists changed, missing and extra files (extra: listed in the manifest, no longer generated)", async () => {
    const dir = scratchDir("check");
    await cp(out, dir, { recursive: true });
    await writeFile(path.join(dir, "client.ts"), "// edited by hand\n");
    await rm(path.join(dir, "index.ts"));
    await writeFile(path.join(dir, "stray.ts"), "export {};\n");
    await writeFile(path.join(dir, "not-ours.ts"), "export {};\n");
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")) as { files: string[] };
    await writeFile(path.join(dir, MANIFEST), JSON.stringify({ files: [...manifest.files, "stray.ts"] }));
    const rel = path.relative(ROOT, dir).split(path.sep).join("/");
    const result = await check(rel);
    expect(result.code).toBe(1);
    const listed = result.stderr.split("\n").filter((l) => l.startsWith("stale: "));
    expect(listed).toEqual([
      `stale: ${rel}/${MANIFEST} (changed)`,
      `stale: ${rel}/client.ts (changed)`,
      `stale: ${rel}/index.ts (missing)`,
      `stale: ${rel}/stray.ts (extra)`,
    ]);
  });
});

describe("errors leave the output untouched", () => {
  it.each([
    [
      "an unresolved $ref",
      "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Nope'\n",
      /broken\.yaml:\d+:\d+/,
    ],
    ["invalid YAML", "openapi: 3.1.0\ninfo: [unclosed\n", /broken\.yaml:\d+:\d+.*not valid YAML/],
    [
      "Swagger 2.0",
      "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n",
      /broken\.yaml.*convert Swagger 2\.0/s,
    ],
  ])("%s: exit 1, message names the file and location", async (_name, text, message) => {
    const dir = scratchDir("broken");
    const rel = path.relative(ROOT, dir);
    await cp(out, dir, { recursive: true });
    const before = await snapshotDir(dir);
    const spec = path.join(scratchDir("spec"), "broken.yaml");
    await mkdir(path.dirname(spec), { recursive: true });
    await writeFile(spec, text);
    const result = await cli(["--spec", path.relative(ROOT, spec), "--out", rel, "--name", NAME]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it("refuses --spec without --out", async () => {
    const result = await cli(["--spec", SPEC]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--spec needs --out");
  });
});
