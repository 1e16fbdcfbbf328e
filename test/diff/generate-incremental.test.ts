/**
 * `npm run generate` with the incremental cache in a scratch project: a second run regenerates nothing, editing one
 * spec regenerates only that API, `--no-cache` regenerates everything, `--check` still compares for real (these
 * in-process, test/support/cli.ts: the cache lives on disk, so each run starts from what the previous one wrote,
 * as separate processes would), and `--watch` regenerates on save, survives a broken edit and stops on SIGTERM
 * (a child process, end to end).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generatorFingerprint } from "../../generator/incremental/cache.js";
import { runCli } from "../support/cli.js";
import { spawnBin } from "../support/tsx.js";
import { baseDoc } from "./base-doc.js";

const APIS = ["alpha", "beta"];
let scratch: string;

async function generate(...args: string[]): Promise<{ code: number; out: string }> {
  const { code, stdout, stderr } = await runCli(["generate", "--no-lint", ...args], scratch);
  return { code, out: stdout + stderr };
}

/**
 * Other work on generator/ changes the fingerprint and rightly regenerates everything, so each step starts from a
 * cache brought up to date and is run again if the generator changed meanwhile: the test checks incrementality,
 * not the quietness of the work tree.
 */
async function settled<T>(step: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await generate();
    const before = await generatorFingerprint();
    const result = await step(attempt);
    if (before === (await generatorFingerprint()) || attempt === 4) return result;
  }
}

const generated = (out: string) => (out.match(/^generated \S+/gm) ?? []).sort();

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "contactgen-generate-incremental-"));
  for (const name of APIS) {
    await mkdir(path.join(scratch, "specs", name), { recursive: true });
    await writeFile(path.join(scratch, "specs", name, "openapi.yaml"), stringify(baseDoc()));
  }
  const apis = APIS.map((name) => ({ name, spec: `specs/${name}/openapi.yaml` }));
  await writeFile(path.join(scratch, "generator.config.json"), JSON.stringify({ out: "generated", apis }));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("npm run generate, incremental", () => {
  it("generates everything, then nothing, then only the API whose spec changed", async () => {
    expect(generated((await generate()).out)).toEqual(["generated generated/alpha", "generated generated/beta"]);

    const noop = await settled(() => generate());
    expect(noop.code).toBe(0);
    expect(generated(noop.out)).toEqual([]);
    expect(noop.out).toContain("unchanged: alpha, beta (cached; --no-cache to force)");

    const spec = path.join(scratch, "specs/beta/openapi.yaml");
    const text = await readFile(spec, "utf8");
    const one = await settled(async (attempt) => {
      await writeFile(spec, text.replace("summary: Get a contact", `summary: Fetch a contact (${attempt})`));
      return generate();
    });
    expect(generated(one.out)).toEqual(["generated generated/beta"]);
    expect(await readFile(path.join(scratch, "generated/beta/client.ts"), "utf8")).toContain("Fetch a contact");
  });

  it("never trusts the cache for --check: a hand-edited file is reported stale", async () => {
    await writeFile(path.join(scratch, "generated/alpha/client.ts"), "// edited by hand\n");
    const check = await generate("--check");
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/stale: .*alpha\/client\.ts/);
    const regenerated = await settled(async () => {
      await writeFile(path.join(scratch, "generated/alpha/client.ts"), "// edited by hand\n");
      return generate();
    });
    expect(generated(regenerated.out)).toEqual(["generated generated/alpha"]);
    expect((await settled(() => generate("--check"))).code).toBe(0);
  });
});

describe("npm run generate --no-cache", () => {
  it("regenerates every API although the cache says nothing changed", async () => {
    const cached = await settled(() => generate());
    expect(generated(cached.out)).toEqual([]);
    await writeFile(path.join(scratch, "generated/beta/client.ts"), "// edited by hand\n");
    const forced = await generate("--no-cache");
    expect(forced.code).toBe(0);
    expect(generated(forced.out)).toEqual(["generated generated/alpha", "generated generated/beta"]);
    expect(forced.out).not.toContain("unchanged:");
    expect(await readFile(path.join(scratch, "generated/beta/client.ts"), "utf8")).toContain("export function");
  });
});

describe("npm run generate --watch", () => {
  it("regenerates the saved API, reports a broken edit with file:line, keeps watching, exits on SIGTERM", async () => {
    const child = spawnBin(["generate", "--no-lint", "--watch"], scratch);
    let log = "";
    const waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = [];
    const check = () => {
      for (const w of [...waiters]) {
        if (w.pattern.test(log.slice(w.from))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      check();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? (signal ? 0 : null))),
    );
    /** Resolves when `pattern` appears in the output written after this call: no sleeps, no timing guesses. */
    const next = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        waiters.push({ pattern, from: log.length, resolve });
        check();
      });
    const spec = path.join(scratch, "specs/alpha/openapi.yaml");
    const good = await readFile(spec, "utf8");
    try {
      await next(/watching 2 API\(s\)/);
      let seen = next(/✓ regenerated alpha/);
      await writeFile(spec, good.replace("summary: Get a contact", "summary: Watched contact"));
      await seen;
      await expect
        .poll(() => readFile(path.join(scratch, "generated/alpha/client.ts"), "utf8"))
        .toContain("Watched contact");

      seen = next(/still watching/);
      await writeFile(spec, "openapi: 3.1.0\ninfo: [unclosed\n");
      await seen;
      expect(log).toMatch(/✗ alpha: .*specs\/alpha\/openapi\.yaml:\d+:\d+/);
      expect(await readFile(path.join(scratch, "generated/alpha/client.ts"), "utf8")).toContain("Watched contact");

      seen = next(/✓ regenerated alpha/);
      await writeFile(spec, good);
      await seen;
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGTERM");
      await exited;
      await writeFile(spec, good);
    }
    expect(log).not.toMatch(/regenerated beta/);
  }, 300_000);
});
