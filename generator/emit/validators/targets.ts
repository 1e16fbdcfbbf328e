/**
 * What gets a validator: every component schema, and per operation its path/query/header parameters (each set as
 * one object schema, keyed by the parameter names as written in the document), each request body media type and
 * each documented response status with its media types (an empty table for a status documented without content).
 */
import type { SchemaObject } from "../../load/openapi-types.js";
import type { ApiModel, MediaModel, OperationModel, ParameterModel } from "../../model/types.js";
import type { Direction } from "./dialect.js";
import { fragmentOf } from "../../openapi/pointer.js";
import { isJsonMedia } from "../../openapi/media-types.js";

export interface TargetSchema {
  /** Unique key chosen by the planner. */
  key: string;
  /** Which members are required: as written, in a request (readOnly not) or in a response (writeOnly not). */
  direction: Direction;
  schema: unknown;
  /** Where the schema sits, for error messages: `#/components/schemas/Contact`. */
  location: string;
}

/** A validator to emit: its compiled target (shared by identical schemas) and its own name. */
export interface Use {
  key: string;
  name: string;
}

export interface OperationTargets {
  id: string;
  path?: Use;
  query?: Use;
  headers?: Use;
  /** media type → validator */
  body: Array<[string, Use]>;
  /** status → media type → validator */
  responses: Array<[string, Array<[string, Use]>]>;
}

export interface TargetPlan {
  targets: TargetSchema[];
  /** Component schema name → validator. */
  schemas: Array<[string, Use]>;
  operations: OperationTargets[];
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A parameter set as one object: unknown extra parameters are allowed (servers and proxies add headers). */
export function parameterSetSchema(params: ParameterModel[]): SchemaObject {
  const properties: Record<string, unknown> = {};
  for (const p of params) define(properties, p.name, p.schema);
  const required = params.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) } as SchemaObject;
}

/**
 * JSON bodies (`application/json`, `application/problem+json`...), and the form and multipart request bodies the
 * client builds from objects: the runtime validates those through a view where a file (Blob, buffer) is a string
 * of its size (runtime/validate.ts `forValidation`), so `required`, `type` and `maxLength` hold before sending.
 */
function checkable(mediaType: string, direction: "request" | "response"): boolean {
  const essence = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  if (isJsonMedia(essence)) return true;
  return (
    direction === "request" && (essence === "application/x-www-form-urlencoded" || essence === "multipart/form-data")
  );
}

export function planTargets(model: ApiModel): TargetPlan {
  const plan: TargetPlan = { targets: [], schemas: [], operations: [] };
  const byContent = new Map<string, string>();
  // Identical schemas in the same direction share one compiled target.
  const add: Add = (direction, schema, location, name) => {
    const content = `${direction}\u0000${JSON.stringify(schema)}`;
    let key = byContent.get(content);
    if (key === undefined) {
      key = `t${plan.targets.length}`;
      byContent.set(content, key);
      plan.targets.push({ key, direction, schema, location });
    }
    return { key, name };
  };
  for (const name of model.schemaNames) {
    const ref = `#${fragmentOf(["components", "schemas", name])}`;
    plan.schemas.push([name, add("schema", { $ref: ref }, ref, name)]);
  }
  for (const op of model.operations) plan.operations.push(operationTargets(model, op, add));
  return plan;
}

type Add = (direction: TargetSchema["direction"], schema: unknown, location: string, name: string) => Use;

function operationTargets(model: ApiModel, op: OperationModel, add: Add): OperationTargets {
  const where = `${op.method.toUpperCase()} ${op.path}`;
  const params = (part: string, list: ParameterModel[]): Use | undefined =>
    list.length === 0
      ? undefined
      : add("request", parameterSetSchema(list), `${where} ${part} parameters`, `${op.id}.${part}`);
  const headerNames = new Set(op.headerParams.map((p) => p.name.toLowerCase()));
  const headers = [...model.clientHeaders.filter((h) => !headerNames.has(h.name.toLowerCase())), ...op.headerParams];
  // A response media type without a schema still says which bodies are documented: it gets an accept-all
  // validator. Request media types without one are left out (there is nothing to check before sending).
  // Bodies the runtime does not hand over as JSON values (XML or other text, multipart responses) are not checked
  // against their schema either: a string is not the object the schema describes.
  const media = (list: MediaModel[], label: string, direction: "request" | "response"): Array<[string, Use]> =>
    list.flatMap((m): Array<[string, Use]> => {
      const schema = checkable(m.mediaType, direction) ? m.schema : undefined;
      if (schema === undefined && direction === "request") return [];
      const name = list.length > 1 ? `${op.id}.${label} (${m.mediaType})` : `${op.id}.${label}`;
      return [[m.mediaType, add(direction, schema ?? {}, `${where} ${label} ${m.mediaType}`, name)]];
    });
  return {
    id: op.id,
    path: params("path", op.pathParams),
    query: params("query", op.queryParams),
    headers: params("headers", headers),
    body: media(op.requestBody?.content ?? [], "requestBody", "request"),
    // Every documented status, with or without content: the runtime reports statuses the document does not list.
    responses: op.responses.map((r): [string, Array<[string, Use]>] => [
      r.status,
      media(r.content, `responses.${r.status}`, "response"),
    ]),
  };
}
