/**
 * TRANSITIONAL: the client and validators emitters still build their text without the `ts` tag, so their
 * definitions live here and mark the result with `trustedCode` at this one boundary. When an emitter moves to the
 * tag, its own module exports its `defineEmitter(...)` and its entry here goes (docs/decisions/0136-code-tag.md).
 */
import { clientEmitter } from "./client/index.js";
import { trustedCode } from "./code.js";
import { defineEmitter, type CodeFile, type EmittedFile } from "./emitter.js";

const trusted = (files: EmittedFile[]): CodeFile[] =>
  files.map((f) => ({ path: f.path, contents: trustedCode(f.contents) }));

export const clientDefinition = defineEmitter({
  name: "client",
  description: "client.ts: create<Api>Client with one typed method per operation, grouped by tag",
  requires: ["types", "runtime"],
  files: ["client.ts"],
  emit: async ({ model, provided }) =>
    trusted(await clientEmitter({ withValidators: provided("operation-validators") }).emit(model)),
});

export interface ValidatorsOptions {
  typed?: boolean;
  assertFormats?: boolean;
}

function parseValidatorsOptions(raw: Readonly<Record<string, unknown>>): ValidatorsOptions {
  const options: ValidatorsOptions = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "typed" && key !== "assertFormats")
      throw new Error(`unknown option ${key} (allowed: typed, assertFormats)`);
    if (typeof value !== "boolean") throw new Error(`options.${key} must be true or false`);
    options[key] = value;
  }
  return options;
}

export const validatorsDefinition = defineEmitter<ValidatorsOptions>({
  name: "validators",
  description: "validators.ts: type guards and issue lists per component schema and operation",
  requires: ["types"],
  // The client's description loads operationValidators from ./validators.js when this is in the set.
  provides: ["operation-validators", "schema-validators"],
  files: ["validators.ts"],
  parseOptions: parseValidatorsOptions,
  async emit({ model, options }) {
    const { generateValidators } = await import("./validators/index.js");
    return [{ path: "validators.ts", contents: trustedCode(generateValidators(model, options)) }];
  },
});
