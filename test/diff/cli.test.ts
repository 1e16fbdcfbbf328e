import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { runCli } from "../support/cli.js";
import { ROOT, runBin } from "../support/tsx.js";
import { baseDoc } from "./base-doc.js";

const run = promisify(execFile);
const PROJECT = "test/fixtures/diff-consumer";

let repo: string;
const spec = () => path.join(repo, "specs/sample/openapi.yaml");
const git = (...args: string[]) => run("git", args, { cwd: repo });
const writeSpec = (doc: OpenApiDocument) => writeFile(spec(), stringify(doc));

const diff = (...args: string[]) => diffCli("sample", "--spec-only", ...args);

/** In-process (test/support/cli.ts); the first case runs the npm script's entry as a process, end to end. */
const diffCli = (...args: string[]) => runCli(["diff", ...args], repo);

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "contactgen-diff-cli-"));
  await mkdir(path.dirname(spec()), { recursive: true });
  await writeFile(
    path.join(repo, "generator.config.json"),
    JSON.stringify({ out: "generated", apis: [{ name: "sample", spec: "specs/sample/openapi.yaml" }] }),
  );
  await writeSpec(baseDoc());
  // --project: the caller fixture at the same relative place, resolving generated/sample and node_modules as here.
  await cp(path.join(ROOT, PROJECT), path.join(repo, PROJECT), { recursive: true });
  await symlink(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"), "dir");
  await git("init", "-q");
  await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "empty");
  await git("add", ".");
  await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe("npm run diff", () => {
  it("exits non-zero and says breaking when an operation is removed", async () => {
    const doc = baseDoc();
    delete doc.paths?.["/contacts/{id}"]?.patch;
    await writeSpec(doc);
    const result = await runBin(["diff", "sample", "--spec-only"], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^breaking\s+PATCH \/contacts\/\{id\}\s+operation\s+operation `updateContact` removed/m,
    );
    expect(result.stdout).toContain("Result: breaking");
  });

  it("lets a breaking change through with --allow-breaking and prints JSON with --json", async () => {
    const result = await diff("--json", "--allow-breaking");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { breaking: number }; version: { required: string } };
    expect(report.summary.breaking).toBe(1);
    expect(report.version.required).toBe("major");
  });

  it("exits 0 when an operation is added", async () => {
    const doc = baseDoc();
    doc.paths!["/contacts/{id}"]!.delete = {
      operationId: "deleteContact",
      tags: ["contacts"],
      responses: { "204": { description: "Gone" } },
    };
    doc.info.version = "1.1.0";
    await writeSpec(doc);
    const result = await diff();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^non-breaking\s+DELETE \/contacts\/\{id\}.*operation `deleteContact` added/m);
    expect(result.stdout).toContain("minor bump required, ok");
    expect(result.stdout).toContain("Result: not breaking");
  });

  it("compares against an older commit with --base and writes the changelog", async () => {
    await git("add", ".");
    await git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "add delete");
    const result = await diff("--base", "HEAD~1", "--changelog", "--write");
    expect(result.code).toBe(0);
    const changelog = await readFile(path.join(repo, "changelogs/sample.md"), "utf8");
    expect(changelog).toMatch(/^# sample changelog\n\n## 1\.1\.0\n/);
    expect(changelog).toContain("- `DELETE /contacts/{id}` — operation `deleteContact` added");
    expect(changelog).toMatch(
      /Compared with 1\.0\.0 \(commit [0-9a-f]{12}\): the changes call for a \*\*minor\*\* version bump\./,
    );
    expect((await diff()).stdout).toContain("No changes to the API description.");
  });

  it("treats a spec that did not exist at the base as all additions", async () => {
    const result = await diff("--base", "HEAD~2", "--json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { changes: Array<{ kind: string }> };
    expect(report.changes.filter((c) => c.kind === "operation-added")).toHaveLength(4);
  });

  it.for([
    ["an unknown ref", ["sample", "--base", "no-such-branch"], /--base no-such-branch: not a commit/],
    ["two API names", ["sample", "--base", "HEAD", "extra"], /unexpected argument "extra"/],
    ["an unknown API", ["nope"], /unknown API "nope" \(\S*generator\.config\.json lists: sample\)/],
  ] as const)("rejects %s with exit code 2 and a hint", async ([, args, message]) => {
    const result = await diffCli(...args, "--spec-only");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 naming the file and line when the working spec cannot be loaded", async () => {
    const good = await readFile(spec(), "utf8");
    await writeFile(spec(), "openapi: 3.1.0\ninfo: [unclosed\n");
    try {
      const result = await diff();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/specs\/sample\/openapi\.yaml:\d+:\d+/);
      expect(result.stdout).toBe("");
    } finally {
      await writeFile(spec(), good);
    }
  });

  it("lists the caller's line a change breaks with --project (exit 1)", async () => {
    const renamed = baseDoc();
    const contact = renamed.components!.schemas!.Contact as { properties: Record<string, unknown> };
    contact.properties.emailAddress = contact.properties.email;
    delete contact.properties.email;
    await writeSpec(renamed);
    const result = await diff("--project", PROJECT);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("Call sites that break:");
    expect(result.stdout).toMatch(/^ {2}src\/caller\.mts:10:18 {2}Property 'email' does not exist/m);
    expect(result.stdout).toContain("Result: breaking");
  }, 300_000);
});
