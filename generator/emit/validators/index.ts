/**
 * Validators emitter: `validators.ts` for one API, exporting `schemaValidators` (by component schema name),
 * `operationValidators` (by operation id) and `is<Name>` / `validate<Name>` per component schema.
 * Pipeline: plan targets → normalise the OpenAPI dialect into root JSON Schema documents → Ajv standalone code
 * (at generation time only) → typed module.
 */
import { SpecError } from "../../load/spec-error.js";
import type { ApiModel } from "../../model/types.js";
import type { EmittedFile, Emitter } from "../emitter.js";
import { compileRoots, SchemaCompileError } from "./compile.js";
import { renderModule } from "./render.js";
import { buildRoots, SchemaRefError } from "./roots.js";
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

export function generateValidators(model: ApiModel, options: ValidatorsEmitterOptions = {}): string {
  const plan = planTargets(model);
  try {
    const roots = buildRoots(model.document, model.openapiVersion, plan.targets);
    const compiled = compileRoots(roots, options.assertFormats ?? true);
    return renderModule({
      title: model.title,
      sourceFile: model.sourceFile,
      typed: options.typed ?? true,
      plan,
      compiled,
    });
  } catch (error) {
    if (error instanceof SchemaRefError || error instanceof SchemaCompileError) {
      const location = plan.targets.find((t) => error.message.startsWith(`${t.key}: `))?.location;
      const message = location ? error.message.replace(/^t\d+: /, `${location}: `) : error.message;
      throw new SpecError(
        model.sourceFile,
        `cannot generate validators: ${message}`,
        "fix the schema at this location so it is valid JSON Schema (OpenAPI 3.1) or OpenAPI 3.0 Schema Object",
      );
    }
    throw error;
  }
}

export function createValidatorsEmitter(options: ValidatorsEmitterOptions = {}): Emitter {
  return {
    name: "validators",
    async emit(model: ApiModel): Promise<EmittedFile[]> {
      return [{ path: "validators.ts", contents: generateValidators(model, options) }];
    },
  };
}

export const validatorsEmitter: Emitter = createValidatorsEmitter();
