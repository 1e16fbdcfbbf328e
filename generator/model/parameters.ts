import { camelCase } from "../emit/safe.js";
import type {
  OpenApiDocument,
  ParameterObject,
  PathItemObject,
  OperationObject,
  ReferenceObject,
  SchemaObject,
} from "../load/openapi-types.js";
import { firstExample } from "./examples.js";
import { deref } from "../openapi/pointer.js";
import type { ParameterModel } from "./types.js";

/** Headers OpenAPI says are ignored as parameters (they are described by other fields). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** Operation-level parameters override path-level ones with the same name and location. */
export function collectParameters(
  doc: OpenApiDocument,
  pathItem: PathItemObject,
  operation: OperationObject,
): ParameterModel[] {
  const byKey = new Map<string, ParameterObject>();
  const all: Array<ParameterObject | ReferenceObject> = [
    ...(pathItem.parameters ?? []),
    ...(operation.parameters ?? []),
  ];
  for (const raw of all) {
    const param = deref<ParameterObject>(doc, raw);
    if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
    byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()].map((param) => toParameterModel(doc, param));
}

export function toParameterModel(doc: OpenApiDocument, param: ParameterObject): ParameterModel {
  const contentSchema = param.content ? Object.values(param.content)[0]?.schema : undefined;
  const schema: SchemaObject = param.schema ?? contentSchema ?? {};
  const example = param.example ?? firstExample(doc, param.examples) ?? deref<SchemaObject>(doc, schema).example;
  const model: ParameterModel = {
    name: param.name,
    in: param.in,
    required: param.in === "path" ? true : param.required === true,
    description: param.description,
    deprecated: param.deprecated === true,
    schema,
    example,
    identifier: camelCase(param.name),
  };
  if (typeof param.style === "string") model.style = param.style;
  if (typeof param.explode === "boolean") model.explode = param.explode;
  if (param.allowReserved === true) model.allowReserved = true;
  const contentType = param.schema === undefined && param.content ? Object.keys(param.content)[0] : undefined;
  if (contentType !== undefined) model.contentMediaType = contentType;
  return model;
}

/** Path parameters in the order they appear in the template, so positional arguments read like the URL. */
export function orderPathParams(path: string, params: ParameterModel[]): ParameterModel[] {
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return params.filter((p) => p.in === "path").sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/**
 * A `headers` map (of a response, or of a multipart part's encoding) as header parameters: a Header Object is a
 * Parameter Object without name and in.
 */
export function headerParameters(doc: OpenApiDocument, headers: Record<string, unknown> | undefined): ParameterModel[] {
  return Object.keys(headers ?? {})
    .filter((name) => name.toLowerCase() !== "content-type")
    .sort()
    .map((name) => {
      const header = deref<Omit<ParameterObject, "name" | "in">>(doc, (headers ?? {})[name] as ParameterObject);
      return toParameterModel(doc, { ...header, name, in: "header" });
    });
}
