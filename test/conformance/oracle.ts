/**
 * The suite's own judge of what the spec allows: @hyperjump/json-schema over the raw bundled document, in the
 * OpenAPI 3.1 dialect. It shares no code with the generator (not its dialect translation, not Ajv), so a dialect
 * or validator bug in the generated validators, the mock or the conformance engine shows up as a disagreement.
 */
import { registerSchema, setShouldValidateFormat, validate } from "@hyperjump/json-schema/openapi-3-1";
import "@hyperjump/json-schema/formats";
import type { ApiModel, OperationModel, ParameterModel } from "../../generator/model/types.js";

setShouldValidateFormat(true);

export type Judge = (value: unknown) => boolean;

const SCHEMA_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base";
const DOCUMENT_DIALECT = "https://spec.openapis.org/oas/3.1/schema-base";
let adhoc = 0;

/** Local references (`#/components/...`) made absolute, so a schema registered on its own still finds them. */
function absolute(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => absolute(v, base));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" && v.startsWith("#") ? base + v : absolute(v, base),
    ]),
  );
}

export interface OperationJudges {
  body?: Judge;
  query: Judge;
  path: Judge;
  clientHeaders: Judge;
  /** The first success response's JSON schema, and the schema of one paginated item. */
  success?: Judge;
  item?: Judge;
}

export class Oracle {
  private constructor(private readonly base: string) {}

  static create(model: ApiModel): Oracle {
    if (model.openapiVersion !== "3.1")
      throw new Error(`the oracle judges OpenAPI 3.1 documents; ${model.name} is ${model.openapiVersion}`);
    const base = `https://contactgen.test/oracle/${encodeURIComponent(model.name)}/${++adhoc}`;
    registerSchema(
      structuredClone(model.document) as unknown as Parameters<typeof registerSchema>[0],
      base,
      DOCUMENT_DIALECT,
    );
    return new Oracle(base);
  }

  /** A judge for a schema object taken from the document (its references resolve into the document). */
  async schema(schema: unknown): Promise<Judge> {
    const uri = `${this.base}/schema/${++adhoc}`;
    const body =
      schema === true || schema === undefined ? {} : schema === false ? { not: {} } : absolute(schema, this.base);
    registerSchema(body as Parameters<typeof registerSchema>[0], uri, SCHEMA_DIALECT);
    const validator = await validate(uri);
    return (value) => validator(value as Parameters<typeof validator>[0]).valid;
  }

  /** A judge for the schema at a fragment of the document (`/paths/~1a/get/responses/200/content/...`). */
  async at(fragment: string): Promise<Judge> {
    const validator = await validate(`${this.base}#${fragment}`);
    return (value) => validator(value as Parameters<typeof validator>[0]).valid;
  }

  parameters(params: ParameterModel[]): Promise<Judge> {
    return this.schema({
      type: "object",
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    });
  }

  async prepare(model: ApiModel, op: OperationModel): Promise<OperationJudges> {
    const media = op.requestBody?.content[0];
    const success = op.responses.find((r) => r.isSuccess)?.content[0]?.schema;
    const judges: OperationJudges = {
      query: await this.parameters(op.queryParams),
      path: await this.parameters(op.pathParams),
      clientHeaders: await this.parameters(model.clientHeaders),
    };
    if (media?.schema) judges.body = await this.schema(media.schema);
    if (success) judges.success = await this.schema(success);
    if (success && op.pagination) {
      // `$response.body#/data` → the items of the array at /data, through the document's references.
      const pointer = op.pagination.items.replace(/^\$response\.body#?/, "");
      judges.item = await this.itemJudge(model, success, pointer);
    }
    return judges;
  }

  private async itemJudge(model: ApiModel, schema: unknown, pointer: string): Promise<Judge | undefined> {
    let node = schema as Record<string, unknown> | undefined;
    const resolve = (n: Record<string, unknown> | undefined) => {
      while (n && typeof n.$ref === "string")
        n = at(model.document, n.$ref.slice(1)) as Record<string, unknown> | undefined;
      return n;
    };
    for (const segment of pointer.split("/").slice(1)) {
      node = resolve(node);
      node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[segment];
    }
    const items = resolve(node)?.items;
    return items === undefined ? undefined : this.schema(items);
  }
}

function at(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
