/**
 * `contactgen pack`: the Pylon SDK as an npm package. Its `npm pack` tarball installs into an empty project and
 * works from plain `node` ESM and from `require()` (this Node; .ci/run repeats the suite on Node 24) against a
 * real HTTP server on 127.0.0.1, and type-checks from TypeScript under moduleResolution node16 and bundler with
 * the strictest flags. The package is compiled by TypeScript 7 (ADR 0153) and its consumers are checked with TypeScript
 * 5.9 in-process (test/support/typecheck.ts), which shows that users of 5.9 can read the .d.ts 7 emits. Built and
 * installed once; openapi-fetch comes from npm's cache (`--prefer-offline`).
 * Packing goes through this run's pack cache (./run-cache.ts): the first pack of pylon in the run compiles, here or
 * in test/ci/workflows; the other copies. A second pack here is copied byte for byte, and a client that does not
 * compile is refused every time (never cached).
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { typecheckProject } from "../support/typecheck.js";
import { removeEndedRunCaches, RUN_PACK_CACHE } from "./run-cache.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const NAME = "@contactgen/pylon-sdk";
let dir: string;
let pkgDir: string;
let project: string;
let server: Server;
let url: string;
const seen: string[] = [];

/**
 * `contactgen pack …` in-process from the repository root, through this run's pack cache, with this file's own
 * temporary folder (TMPDIR, which os.tmpdir() reads), so that what the compile leaves there can be seen.
 */
async function pack(argv: string[], cwd = ROOT) {
  const before = { CONTACTGEN_PACK_CACHE: process.env.CONTACTGEN_PACK_CACHE, TMPDIR: process.env.TMPDIR };
  await mkdir(path.join(dir, "tmp"), { recursive: true });
  Object.assign(process.env, { CONTACTGEN_PACK_CACHE: RUN_PACK_CACHE, TMPDIR: path.join(dir, "tmp") });
  try {
    return await runCli(["pack", ...argv], cwd);
  } finally {
    for (const [key, value] of Object.entries(before))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
}

/** Every file under `folder`, relative path → contents. */
async function tree(folder: string): Promise<Record<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const full = path.join(f.parentPath, f.name);
      return [path.relative(folder, full).split(path.sep).join("/"), await readFile(full, "utf8")] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const PAGE = { data: [{ id: "c_1", email: "ada@example.com" }], pagination: { cursor: "", has_next_page: false } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-pack-"));
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(PAGE));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  await removeEndedRunCaches();
  const packed = await pack(["pylon", "--out", path.join(dir, "packages")]);
  expect(packed, packed.stderr).toMatchObject({ code: 0 });
  pkgDir = path.join(dir, "packages/pylon");
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], { cwd: pkgDir });
  const tarball = path.join(dir, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  project = path.join(dir, "consumer");
  await mkdir(project);
  await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
    cwd: project,
  });
}, 300_000);

afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the packed SDK", () => {
  it("has a publishable package.json: name and scope from config, version from info.version, typed exports", async () => {
    const pkg = JSON.parse(await readFile(path.join(pkgDir, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: NAME,
      version: "1.0.0",
      type: "module",
      sideEffects: false,
      engines: { node: ">=20.19.0" },
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      dependencies: { "openapi-fetch": expect.any(String) },
    });
    // Modules index does not re-export are subpaths; a package only their types import is an optional peer.
    expect(pkg["exports"]).toMatchObject({
      "./validators": { types: "./dist/validators.d.ts", default: "./dist/validators.js" },
      "./tanstack-query": { types: "./dist/tanstack-query.d.ts", default: "./dist/tanstack-query.js" },
    });
    expect(pkg["dependencies"]).not.toHaveProperty("@tanstack/query-core");
    expect(pkg).toMatchObject({
      peerDependencies: { "@tanstack/query-core": expect.any(String) },
      peerDependenciesMeta: { "@tanstack/query-core": { optional: true } },
    });
    const installed = await readFile(path.join(project, "node_modules", NAME, "dist/client.d.ts"), "utf8");
    expect(installed).toContain("createPylonClient");
  });

  it("has a README with install, auth, one example per operation, errors, retries and validation modes", async () => {
    const readme = await readFile(path.join(project, "node_modules", NAME, "README.md"), "utf8");
    expect(readme).toContain(`npm install ${NAME}`);
    expect(readme).toContain("`auth.bearerAuth`");
    for (const call of ["contacts.list()", "contacts.create()", "contacts.get()"])
      expect(readme).toContain(`\`${call}\``);
    expect(readme.match(/^### /gm)?.length).toBe(
      ((await readFile(path.join(ROOT, "specs/pylon/openapi.yaml"), "utf8")).match(/operationId:/g) ?? []).length,
    );
    for (const heading of ["## Errors", "## Retries, timeouts and cancellation", "## Validation modes"])
      expect(readme).toContain(heading);
  });

  it("is copied from the pack cache, byte for byte, when packed again from the same input", async () => {
    const again = await pack(["pylon", "--out", path.join(dir, "again")]);
    expect(again, again.stderr).toMatchObject({ code: 0 });
    expect(again.stdout).toMatch(/packed @contactgen\/pylon-sdk into .*again\/pylon \(\d+ files, cached\)/);
    expect(await tree(path.join(dir, "again/pylon"))).toEqual(await tree(pkgDir));
  });

  it("is refused, run after run, when the generated client does not compile (a broken build is never cached)", async () => {
    const project = path.join(dir, "broken");
    await mkdir(project);
    const emitter = path.relative(project, path.join(ROOT, "test/pack/fixtures/type-error-emitter.ts"));
    await writeFile(
      path.join(project, "generator.config.json"),
      JSON.stringify({
        emitters: [{ name: "types" }, { module: emitter }],
        apis: [{ name: "pylon", spec: path.join(ROOT, "specs/pylon/openapi.yaml") }],
      }),
    );
    for (let run = 0; run < 2; run++) {
      const result = await pack(["--config", "generator.config.json"], project);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/generated[\\/]pylon: the generated client does not compile/);
      expect(result.stderr).toMatch(/broken\.ts.*TS2322: Type 'string' is not assignable to type 'number'/);
      // The compiler's temporary folder is removed after a refused compile too.
      expect(await readdir(path.join(dir, "tmp"))).toEqual([]);
    }
  });

  const script = (body: string) =>
    `const pylon = createPylonClient({ baseUrl: process.argv[2], auth: { bearerAuth: "t0k" }, validation: "strict" });\n` +
    `const page = await pylon.contacts.list({ query: { limit: 5 } });\nconsole.log(JSON.stringify(page.data));\n${body}`;

  it("works from plain node ESM (import)", async () => {
    await writeFile(path.join(project, "esm.mjs"), `import { createPylonClient } from "${NAME}";\n${script("")}`);
    const { stdout } = await run(process.execPath, ["esm.mjs", url], { cwd: project });
    expect(JSON.parse(stdout)).toEqual(PAGE.data);
    expect(seen).toContain("GET /contacts?limit=5 Bearer t0k");
  });

  it("works from require() (CommonJS)", async () => {
    const body = script("").replace(/await /g, "await ");
    await writeFile(
      path.join(project, "cjs.cjs"),
      `const { createPylonClient, ApiError } = require("${NAME}");\nif (typeof ApiError !== "function") throw new Error("no ApiError");\n(async () => {\n${body}})();\n`,
    );
    const { stdout } = await run(process.execPath, ["cjs.cjs", url], { cwd: project });
    expect(JSON.parse(stdout)).toEqual(PAGE.data);
  });

  it.each([
    ["node16", { module: "node16", moduleResolution: "node16" }, { type: "module" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }, {}],
  ])("type-checks from TypeScript with moduleResolution %s (strictest flags)", async (label, resolution, pkg) => {
    const sub = path.join(project, `ts-${label}`);
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, "package.json"), JSON.stringify({ name: `ts-${label}`, private: true, ...pkg }));
    await writeFile(
      path.join(sub, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          ...resolution,
          target: "es2022",
          lib: ["es2023", "dom"],
          types: [],
          noEmit: true,
          // The package's own .d.ts files are checked under the flags below; TypeScript's lib.*.d.ts are not
          // under test (checking lib.dom.d.ts was most of this test's time).
          skipDefaultLibCheck: true,
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noPropertyAccessFromIndexSignature: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          verbatimModuleSyntax: true,
        },
        include: ["use.ts"],
      }),
    );
    await writeFile(
      path.join(sub, "use.ts"),
      [
        `import { createPylonClient, ApiError, type PylonClient } from "${NAME}";`,
        `const pylon: PylonClient = createPylonClient({ auth: { bearerAuth: "t" } });`,
        `export async function firstEmail(): Promise<string | undefined> {`,
        `  try {`,
        `    const page = await pylon.contacts.list({ query: { limit: 5 } });`,
        `    return page.data[0]?.email;`,
        `  } catch (error) {`,
        `    if (error instanceof ApiError) return String(error.status);`,
        `    throw error;`,
        `  }`,
        `}`,
        `// @ts-expect-error limit is a number`,
        `export const wrong = () => pylon.contacts.list({ query: { limit: "five" } });`,
        "",
      ].join("\n"),
    );
    // `tsc -p` of the consumer project, in-process (test/support/typecheck.ts) with TypeScript 5.9, the version a
    // user's project may still be on: the .d.ts files it reads were emitted by TypeScript 7.
    expect(ts.version).toMatch(/^5\.9\./);
    expect(typecheckProject(path.join(sub, "tsconfig.json"))).toEqual([]);
  });
});
