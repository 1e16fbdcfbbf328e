/**
 * Validators emitter: `validators.ts` for one API, exporting `schemaValidators` (by component schema name),
 * `operationValidators` (by operation id) and `is<Name>` / `validate<Name>` per component schema.
 * Pipeline: plan targets → normalise the OpenAPI dialect (dialect-document.ts) → compile every schema once
 * (compiler.ts, keywords.ts) → typed module (render.ts). See docs/decisions/0110-native-validators.md.
 */
import { SpecError } from "../../load/spec-error.js";
import type { ApiModel } from "../../model/types.js";
import type { Code } from "../code.js";
import { defineEmitter } from "../emitter.js";
import { Compiler, PatternError } from "./compiler.js";
import { normalizeSchema } from "./dialect.js";
import { normalizeDocument } from "./dialect-document.js";
import { DOCUMENT_BASE, Registry, SchemaRefError } from "./registry.js";
import { SchemaShapeError } from "./keywords.js";
import { renderModule } from "./render.js";
import { planTargets } from "./targets.js";

export interface ValidatorsEmitterOptions {
  /** Type the guards with `components["schemas"][name]` from the sibling types.ts (default true). */
  typed?: boolean;
  /**
   * Assert `format` (default true: email, date-time, uuid, uri... are checked). false gives JSON Schema 2020-12's
   * default, where `format` is only an annotation.
   */
  assertFormats?: boolean;
}

export function generateValidators(model: ApiModel, options: ValidatorsEmitterOptions = {}): Code {
  const plan = planTargets(model);
  let location = "";
  try {
    const document = normalizeDocument(model.document, { version: model.openapiVersion, direction: "schema" });
    const compiler = new Compiler(new Registry(document), { assertFormats: options.assertFormats ?? true });
    const checkOf = new Map<string, Code>();
    const ctx = { base: DOCUMENT_BASE, resource: DOCUMENT_BASE, location: "" };
    for (const target of plan.targets) {
      location = target.location;
      const schema = normalizeSchema(target.schema, {
        version: model.openapiVersion,
        direction: "schema",
        document: model.document,
        mapRef: (ref) => ref,
      });
      checkOf.set(target.key, compiler.entry(compiler.sub(schema, ctx, target.location, false)));
    }
    location = "";
    compiler.drain();
    return renderModule({
      title: model.title,
      sourceFile: model.sourceFile,
      typed: options.typed ?? true,
      plan,
      declarations: compiler.output([...checkOf.values()]),
      checkOf,
    });
  } catch (error) {
    if (error instanceof PatternError) {
      throw new SpecError(
        model.sourceFile,
        `cannot generate validators: ${error.message}`,
        "rewrite the pattern without backreferences or lookaround (RE2 syntax), or remove it",
      );
    }
    if (error instanceof SchemaRefError || error instanceof SchemaShapeError) {
      const where = location && !error.message.startsWith("#") ? `${location}: ` : "";
      throw new SpecError(
        model.sourceFile,
        `cannot generate validators: ${where}${error.message}`,
        "fix the schema at this location so it is valid JSON Schema (OpenAPI 3.1) or OpenAPI 3.0 Schema Object",
      );
    }
    throw error;
  }
}

function parseValidatorsOptions(raw: Readonly<Record<string, unknown>>): ValidatorsEmitterOptions {
  const options: ValidatorsEmitterOptions = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== "typed" && key !== "assertFormats")
      throw new Error(`unknown option ${key} (allowed: typed, assertFormats)`);
    if (typeof value !== "boolean") throw new Error(`options.${key} must be true or false`);
    options[key] = value;
  }
  return options;
}

export const validatorsDefinition = defineEmitter<ValidatorsEmitterOptions>({
  name: "validators",
  description: "validators.ts: type guards and issue lists per component schema and operation",
  requires: ["types"],
  // The client's description loads operationValidators from ./validators.js when this is in the set.
  provides: ["operation-validators", "schema-validators"],
  files: ["validators.ts"],
  parseOptions: parseValidatorsOptions,
  async emit({ model, options }) {
    return [{ path: "validators.ts", contents: generateValidators(model, options) }];
  },
});
