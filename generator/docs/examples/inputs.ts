/**
 * The values an operation's example sends: path parameters in template order, the body for the first media type,
 * required query and header parameters. The spec's examples win; otherwise schema-derived values (sample.ts).
 * Kept apart from the formatting so tests can validate these values against the generated validators.
 */
import type { JsonValue } from "../../load/openapi-types.js";
import type { ApiModel, OperationModel, ParameterModel } from "../../model/types.js";
import { parameterValue, sampleValue } from "./sample.js";

export interface ExampleInputs {
  path: Array<[name: string, value: JsonValue]>;
  body?: { mediaType: string; value: JsonValue };
  query: Array<[name: string, value: JsonValue]>;
  headers: Array<[name: string, value: JsonValue]>;
}

export function exampleInputs(model: ApiModel, op: OperationModel): ExampleInputs {
  const doc = model.document;
  const values = (params: ParameterModel[]) => params.map((p): [string, JsonValue] => [p.name, parameterValue(doc, p)]);
  const required = (params: ParameterModel[]) => values(params.filter((p) => p.required));
  const media = op.requestBody?.content[0];
  return {
    path: values(op.pathParams),
    body: media && {
      mediaType: media.mediaType,
      value: media.example !== undefined ? media.example : sampleValue(doc, media.schema),
    },
    query: required(op.queryParams),
    headers: required(op.headerParams),
  };
}
