/**
 * TRANSITIONAL: the validators emitter still builds its text without the `ts` tag, so its definition lives here
 * and marks the result with `trustedCode` at this one boundary. When it moves to the tag, its own module exports its
 * `defineEmitter(...)` and this file goes (docs/decisions/0136-code-tag.md). The client emitter has moved.
 */
import { trustedCode } from "./code.js";
import { defineEmitter } from "./emitter.js";

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
