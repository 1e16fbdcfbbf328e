/**
 * One engine: the mock's request/response checks and the generated validators give the same verdict on the same
 * payloads. Payloads per documented JSON body: the mock's synthesised body, the conformance mutations of it
 * (required member removed, wrong type, bound crossed, enum left...) and a few values of every JSON type.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateValidators } from "../../generator/emit/validators/index.js";
import { loadDocument } from "../../generator/load/load.js";
import { getAt } from "../../generator/openapi/pointer.js";
import { buildRoutes } from "../../generator/mock/routes.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { synthesize } from "../../generator/mock/synth.js";
import { buildModel } from "../../generator/model/build.js";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";
import { CORPUS } from "../support/shared.js";
import { mutationsFor } from "../../generator/conformance/mutate.js";
import { linkRuntime } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GENERIC: unknown[] = [null, true, 0, 1.5, -1, "", "text", [], [1, "a"], {}, { id: 1 }];

const SPECS: Array<[string, string]> = [
  ["piriod", "specs/piriod/openapi.yaml"],
  ["pylon", "specs/pylon/openapi.yaml"],
  ["kare", "specs/kare/openapi.yaml"],
  ["emnify", "specs/emnify/openapi.yaml"],
  ["ctrlhub", "specs/ctrlhub/openapi.yaml"],
  ["twilio", path.join(CORPUS, "twilio-messaging-v1.json")],
];

async function validatorsOf(name: string, spec: string): Promise<Record<string, OperationValidators>> {
  const model = buildModel(await loadDocument(spec), name);
  const dir = path.join(ROOT, ".tmp/one-engine", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "validators.ts"), generateValidators(model, { typed: false }));
  linkRuntime(dir);
  const module = (await import(pathToFileURL(path.join(dir, "validators.ts")).href)) as {
    operationValidators: Record<string, OperationValidators>;
  };
  return module.operationValidators;
}

describe.each(SPECS)("%s: generated validators and the mock agree", (name, spec) => {
  it("on every documented JSON request and response body", async () => {
    const loaded = await loadDocument(spec);
    const model = buildModel(loaded, name);
    const generated = await validatorsOf(name, spec);
    const registry = new SchemaRegistry(model.document);
    const routes = buildRoutes(model);
    const disagreements: string[] = [];
    let compared = 0;
    const compare = (
      where: string,
      fragment: string,
      validator: Validator | undefined,
      direction: "request" | "response",
    ) => {
      if (!validator) return;
      const schema = getAt(registry.document, fragment);
      const valid = synthesize(registry.document, schema);
      const payloads = [valid, ...mutationsFor(registry.document, schema).map((m) => m.apply(valid)), ...GENERIC];
      const check = registry.check(fragment, { direction, prefix: "" });
      for (const payload of payloads) {
        compared++;
        const mock = check.run(payload).issues.length === 0;
        const ours = validator.is(payload);
        if (mock !== ours || ours !== (validator.validate(payload).length === 0)) {
          disagreements.push(`${where} ${JSON.stringify(payload).slice(0, 120)}: mock ${mock}, generated ${ours}`);
        }
      }
    };
    for (const route of routes) {
      for (const op of Object.values(route.operations)) {
        const ops = generated[op.id];
        if (!ops) continue;
        for (const media of op.body?.content ?? []) {
          if (media.schema && /json/.test(media.mediaType)) {
            compare(`${op.id} request ${media.mediaType}`, media.schema, ops.body?.[media.mediaType], "request");
          }
        }
        for (const response of op.responses) {
          for (const media of response.content) {
            if (!media.schema || !/json/.test(media.mediaType)) continue;
            const validator = ops.responses[response.status]?.[media.mediaType];
            compare(`${op.id} ${response.status} ${media.mediaType}`, media.schema, validator, "response");
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  }, 120_000);
});
