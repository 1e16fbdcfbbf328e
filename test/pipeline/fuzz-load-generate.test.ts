/**
 * Fuzz (issue 10): random bytes, and random structural and textual mutations of the five specs, go through the
 * loader and the whole generator in-process. The only failure allowed is a SpecError (file, location, what to do);
 * no case may hang (a generous per-case deadline catches a hang, it measures nothing) or grow the heap without
 * bound. Bounded: a fixed number of cases with a fixed seed (FUZZ_SEED=n to explore others, FUZZ_RUNS=n for more).
 */
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadDocument } from "../../generator/load/load.js";
import { SpecError } from "../../generator/load/spec-error.js";
import { emittersFor, generateLoaded } from "../../generator/pipeline.js";
import type { Emitter } from "../../generator/emit/emitter.js";

const SPECS = ["ctrlhub", "emnify", "kare", "piriod", "pylon"].map((name) => {
  const text = readFileSync(path.resolve(import.meta.dirname, `../../specs/${name}/openapi.yaml`), "utf8");
  return { name, text, doc: parse(text) as unknown };
});
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** A hang detector, not a speed check: a case that takes this long is stuck. */
const DEADLINE_MS = 30_000;
/**
 * Growth of the live heap over this file's own start that one case may leave behind. Measured after a full
 * collection and against a baseline, because the worker (isolate: false) may still hold garbage from the files it
 * ran before, and heapUsed without a collection depends on when V8 last collected: timing luck.
 */
const HEAP_GROWTH_CEILING = 512 * 1024 ** 2;
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;
function liveHeap(): number {
  collect();
  return process.memoryUsage().heapUsed;
}
let baseline = 0;

let dir: string;
let emitters: Emitter[];
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "contactgen-fuzz-"));
  emitters = await emittersFor();
  baseline = liveHeap();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** load → model → every emitter; resolves when the outcome is acceptable, rejects otherwise. */
async function survives(contents: string | Uint8Array, extension: string): Promise<void> {
  const file = path.join(dir, `case-${counter++}.${extension}`);
  await writeFile(file, contents);
  // FUZZ_KEEP=dir keeps a copy of the case being run: after a crash the newest file is the culprit.
  if (process.env.FUZZ_KEEP) await writeFile(path.join(process.env.FUZZ_KEEP, `last.${extension}`), contents);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no outcome after ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  try {
    await Promise.race([
      (async () => {
        const loaded = await loadDocument(file);
        await generateLoaded(loaded, "fuzz", emitters);
      })(),
      deadline,
    ]).catch((error: unknown) => {
      if (!(error instanceof SpecError)) throw error;
    });
  } finally {
    clearTimeout(timer);
    await rm(file, { force: true });
  }
  // A full collection costs ~0.1 s, so it runs only when the cheap reading is over the ceiling.
  const growth = process.memoryUsage().heapUsed - baseline > HEAP_GROWTH_CEILING ? liveHeap() - baseline : 0;
  if (growth > HEAP_GROWTH_CEILING)
    throw new Error(`live heap grew by ${Math.round(growth / 2 ** 20)} MiB after this case`);
  survived++;
}

/** Cases that ended in a result or a SpecError within the deadline and the heap ceiling, per test. */
let survived = 0;
beforeEach(() => {
  survived = 0;
});

type Json = unknown;
const REFS = [
  "#/components/schemas/Contact",
  "#/components/schemas",
  "#/components/nope",
  "#",
  "#/paths",
  "../outside.yaml",
  "/etc/passwd",
  "http://127.0.0.1:9/x.yaml",
  "file:///etc/passwd",
  "#/components/schemas/%ZZ",
  "",
];

/** Every container node with its path, in document order. */
function containers(root: Json): Array<Record<string, Json> | Json[]> {
  const out: Array<Record<string, Json> | Json[]> = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    out.push(node as Record<string, Json>);
    stack.push(...Object.values(node));
  }
  return out;
}

const mutation = fc.record({
  at: fc.nat(),
  key: fc.nat(),
  op: fc.constantFrom("delete", "replace", "ref", "self", "deep", "rename"),
  value: fc.jsonValue({ maxDepth: 3 }),
  ref: fc.constantFrom(...REFS),
  name: fc.string({ unit: "binary", maxLength: 12 }),
});

function mutate(source: Json, steps: Array<typeof mutation extends fc.Arbitrary<infer T> ? T : never>): Json {
  const doc = structuredClone(source);
  for (const step of steps) {
    const nodes = containers(doc);
    const node = nodes[step.at % nodes.length] as Record<string, Json>;
    const keys = Object.keys(node);
    if (keys.length === 0) continue;
    const key = keys[step.key % keys.length] as string;
    switch (step.op) {
      case "delete":
        delete node[key];
        break;
      case "replace":
        node[key] = step.value;
        break;
      case "ref":
        node[key] = { $ref: step.ref };
        break;
      case "self":
        // A subtree copied into itself: recursion the document did not have.
        node[key] = { type: "array", items: structuredClone(node), allOf: [{ $ref: step.ref }] };
        break;
      case "deep": {
        let nested: Json = { type: "string" };
        for (let i = 0; i < 60 + (step.key % 400); i++) nested = { type: "array", items: nested };
        node[key] = nested;
        break;
      }
      case "rename":
        node[step.name] = node[key];
        delete node[key];
        break;
    }
  }
  return doc;
}

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.string({ unit: "binary", maxLength: 2048 }).map((s) => `openapi: 3.1.0\n${s}`),
);

describe("fuzz: loader and generator", () => {
  it("random bytes end in a result or a SpecError", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => survives(input, "yaml")),
      { seed: SEED, numRuns: RUNS },
    );
    expect(survived).toBe(RUNS);
  }, 300_000);

  it("random mutations of the five specs end in a result or a SpecError", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SPECS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (index, steps, asJson) => {
          const doc = mutate(SPECS[index]!.doc, steps);
          await survives(
            asJson ? JSON.stringify(doc) : stringify(doc, { aliasDuplicateObjects: false }),
            asJson ? "json" : "yaml",
          );
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(survived).toBe(RUNS);
  }, 300_000);

  it("random text edits of the five specs end in a result or a SpecError", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SPECS.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit: "binary", maxLength: 16 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (index, edits) => {
          let text = SPECS[index]!.text;
          for (const [at, remove, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + remove);
          }
          await survives(text, "yaml");
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(survived).toBe(RUNS);
  }, 300_000);
});
