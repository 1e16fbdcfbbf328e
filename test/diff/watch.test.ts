import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { IncrementalTarget } from "../../generator/incremental/cache.js";
import { watchTargets, type Watcher } from "../../generator/incremental/watch.js";

let root: string;
let watcher: Watcher | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "contactgen-watch-"));
  for (const name of ["alpha", "beta"]) {
    await mkdir(path.join(root, name), { recursive: true });
    await writeFile(path.join(root, name, "openapi.yaml"), "openapi: 3.1.0\n");
  }
});

afterAll(async () => {
  watcher?.close();
  await rm(root, { recursive: true, force: true });
});

it("regenerates the saved API, reports a broken edit and keeps watching", async () => {
  const targets: IncrementalTarget[] = ["alpha", "beta"].map((name) => ({
    name,
    spec: path.join(root, name, "openapi.yaml"),
    out: path.join(root, "out", name),
  }));
  const lines: string[] = [];
  let waiter: { pattern: RegExp; resolve: () => void } | undefined;
  const nextLine = (pattern: RegExp) => new Promise<void>((resolve) => (waiter = { pattern, resolve }));
  const regenerated: string[][] = [];
  // Which specs have been written so far: one save can reach the watcher as several events, late or split over
  // debounce windows on a loaded machine, so the test judges batches by what was written before, not by timing.
  const written = new Set<string>();
  const early: string[] = [];
  watcher = watchTargets({
    targets,
    debounceMs: 50,
    log: (line) => {
      lines.push(line);
      if (waiter?.pattern.test(line)) waiter.resolve();
    },
    regenerate: async (list) => {
      const names = list.map((t) => t.name);
      regenerated.push(names);
      for (const name of names) if (!written.has(name)) early.push(name);
      const broken = await Promise.all(list.map(async (t) => (await readFile(t.spec, "utf8")).includes("broken")));
      if (broken.includes(true)) {
        throw new Error("specs/alpha/openapi.yaml:3:5: not valid YAML/JSON: bad indentation\n  → fix the syntax");
      }
    },
  });

  let done = nextLine(/^✓ regenerated alpha /);
  written.add("alpha");
  await writeFile(targets[0]!.spec, "openapi: 3.1.0\ninfo: {}\n");
  await done;

  done = nextLine(/still watching/);
  await writeFile(targets[0]!.spec, "openapi: 3.1.0\ninfo:\n  - : broken\n");
  await done;
  expect(lines).toContain(
    "✗ alpha: specs/alpha/openapi.yaml:3:5: not valid YAML/JSON: bad indentation\n  → fix the syntax",
  );

  done = nextLine(/^✓ regenerated (alpha, )?beta /);
  written.add("beta");
  await writeFile(targets[1]!.spec, "openapi: 3.1.0\ninfo: {}\n");
  await done;
  await watcher.idle();
  // Only an API whose folder changed is regenerated, each API at most once a batch.
  expect(early, "regenerated before its spec was saved").toEqual([]);
  expect(regenerated.every((names) => new Set(names).size === names.length)).toBe(true);
  expect(regenerated.filter((names) => names.includes("beta")).length).toBeGreaterThanOrEqual(1);
  expect(regenerated.filter((names) => names.includes("alpha")).length).toBeGreaterThanOrEqual(2);
});
