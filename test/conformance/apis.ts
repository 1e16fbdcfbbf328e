/**
 * Everything the conformance suite knows about an API comes from its spec (through the model) and its generated
 * client: nothing here names an operation, so a new operation is covered without a new test.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import type { ApiModel, OperationModel, ParameterModel } from "../../generator/model/types.js";
import { SchemaRegistry } from "../../generator/mock/schemas.js";
import { synthesize } from "../../generator/mock/synth.js";

export interface ApiUnderTest {
  model: ApiModel;
  registry: SchemaRegistry;
  /** The generated module `generated/<api>/index.ts`, or why it could not be imported. */
  client: GeneratedModule | Error;
}

export type ClientFactory = (options: Record<string, unknown>) => Record<string, unknown>;

export interface GeneratedModule {
  factory: ClientFactory;
  ApiError: abstract new (...args: never[]) => Error;
  ValidationError: abstract new (...args: never[]) => Error;
  RequestError: abstract new (...args: never[]) => Error;
  operationValidators: Record<string, unknown>;
}

interface Config {
  out: string;
  apis: { name: string; spec: string }[];
}

export const CONFIG = JSON.parse(readFileSync("generator.config.json", "utf8")) as Config;

export async function loadApi(name: string, spec: string): Promise<ApiUnderTest> {
  const model = buildModel(await loadDocument(spec), name);
  const registry = new SchemaRegistry(model.document);
  let client: GeneratedModule | Error;
  try {
    const file = pathToFileURL(path.resolve(CONFIG.out, name, "index.ts")).href;
    const mod = (await import(file)) as Record<string, unknown>;
    const factory = mod[`create${model.pascalName}Client`];
    if (typeof factory !== "function")
      throw new Error(`generated/${name}/index.ts exports no create${model.pascalName}Client`);
    client = {
      factory: factory as ClientFactory,
      ApiError: mod.ApiError as GeneratedModule["ApiError"],
      ValidationError: mod.ValidationError as GeneratedModule["ValidationError"],
      RequestError: mod.RequestError as GeneratedModule["RequestError"],
      // validators.ts is not re-exported by index.ts (the client loads it lazily).
      operationValidators: ((
        (await import(pathToFileURL(path.resolve(CONFIG.out, name, "validators.ts")).href)) as Record<string, unknown>
      ).operationValidators ?? {}) as Record<string, unknown>,
    };
  } catch (error) {
    client = error as Error;
  }
  return { model, registry, client };
}

/** A value for a parameter, from its example or synthesised from its schema. */
export function sampleParameter(api: ApiUnderTest, param: ParameterModel): unknown {
  if (param.example !== undefined) return param.example;
  return synthesize(api.registry.document, param.schema);
}

/** Credentials for every scheme the model names (the mock checks their form, not their value). */
export function credentials(model: ApiModel): Record<string, unknown> {
  const auth: Record<string, unknown> = {};
  for (const scheme of model.securitySchemes) {
    if (scheme.type === "basic") auth[scheme.optionName] = { username: "user", password: "secret" };
    else if (
      scheme.type === "bearer" ||
      scheme.type === "apiKey" ||
      scheme.type === "oauth2" ||
      scheme.type === "openIdConnect"
    ) {
      auth[scheme.optionName] = "tok_conformance";
    }
  }
  return auth;
}

/** Values for the client-level headers the model hoisted (required vendor headers, typed options). */
export function clientHeaders(api: ApiUnderTest): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const param of api.model.clientHeaders) headers[param.identifier] = sampleParameter(api, param);
  return headers;
}

export interface RequestParts {
  path: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** Calls an operation through the generated client: path params positional, then body, then options. */
export function invoke(
  client: Record<string, unknown>,
  op: OperationModel,
  parts: RequestParts,
  options: Record<string, unknown> = {},
): Promise<unknown> {
  const group = (op.group ? client[op.group] : client) as Record<string, unknown> | undefined;
  const method = group?.[op.methodName];
  if (typeof method !== "function") {
    throw new Error(`the generated client has no ${op.group ? `${op.group}.` : ""}${op.methodName} for ${op.id}`);
  }
  const args: unknown[] = op.pathParams.map((p) => parts.path[p.name]);
  if (op.requestBody) args.push(parts.body);
  const callOptions: Record<string, unknown> = { ...options };
  if (parts.query !== undefined) callOptions.query = parts.query;
  if (parts.headers !== undefined) callOptions.headers = parts.headers;
  args.push(callOptions);
  return (method as (...a: unknown[]) => Promise<unknown>).apply(group, args);
}
