/**
 * Real-world documents nobody here wrote (shared corpus): validators generate, import and answer for every
 * component schema. Stripe and OpenAI are left to the benchmark and manual runs (tens of seconds each); the
 * 3.0-isms OpenAI's 3.1 document carries are covered by dialect.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateValidators } from "../../generator/emit/validators/index.js";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";
import { linkRuntime } from "./helpers.js";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");
const OUT = path.resolve(import.meta.dirname, "../../.tmp/validators-corpus");

describe.each([
  "oai-petstore.v3.0.yaml",
  "oai-tictactoe.v3.1.yaml",
  "oai-webhook-example.v3.1.json",
  "redocly-museum.v3.1.yaml",
  "twilio-messaging-v1.json",
])("corpus %s", (file) => {
  it("generates validators that import and answer for every schema and operation", async () => {
    const loaded = await loadDocument(path.join(CORPUS, file));
    const model = buildModel(loaded, "corpus");
    const dir = path.join(OUT, file.replace(/\W+/g, "-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "validators.ts"), generateValidators(model, { typed: false }));
    linkRuntime(dir);
    const module = (await import(pathToFileURL(path.join(dir, "validators.ts")).href)) as {
      schemaValidators: Record<string, Validator>;
      operationValidators: Record<string, OperationValidators>;
    };
    expect(Object.keys(module.schemaValidators).sort()).toEqual(model.schemaNames);
    expect(Object.keys(module.operationValidators).sort()).toEqual(model.operations.map((o) => o.id).sort());
    for (const validator of Object.values(module.schemaValidators)) {
      for (const value of [{}, null, "text", [1, { a: 1 }]]) {
        expect(validator.is(value)).toBe(validator.validate(value).length === 0);
      }
    }
  }, 60_000);
});
