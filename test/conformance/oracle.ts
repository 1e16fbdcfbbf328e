/**
 * The suite's own judge of what the spec allows (Ajv 2020-12 over the document's schemas), independent of the
 * generated validators under test: request parts are checked as one object per location.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { ApiModel, OperationModel, ParameterModel } from "../../generator/model/types.js";
import { normalizeSchema, type DialectContext } from "../../generator/emit/validators/dialect.js";
import { normalizeDocument } from "../../generator/emit/validators/dialect-document.js";

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

export type Judge = (value: unknown) => boolean;

export class Oracle {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, logger: false });
  private readonly components: unknown;
  private readonly dialect: DialectContext;

  constructor(model: ApiModel) {
    addFormats(this.ajv);
    const version = model.openapiVersion;
    this.dialect = { version, direction: "schema", document: model.document, mapRef: (ref) => ref };
    const components = { components: model.document.components ?? {} };
    this.components = (normalizeDocument(components, { version, direction: "schema" }) as typeof components).components;
  }

  /** Schemas keep their `#/components/...` references: compile them beside the document's components. */
  schema(schema: unknown): Judge {
    const normalized = normalizeSchema(schema, this.dialect);
    const validate: ValidateFunction = this.ajv.compile({
      ...(normalized === true ? {} : normalized === false ? { not: {} } : normalized),
      components: this.components,
    });
    return (value) => validate(value) as boolean;
  }

  parameters(params: ParameterModel[]): Judge {
    return this.schema({
      type: "object",
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    });
  }

  body(op: OperationModel): Judge | undefined {
    const media = op.requestBody?.content[0];
    return media?.schema ? this.schema(media.schema) : undefined;
  }
}
