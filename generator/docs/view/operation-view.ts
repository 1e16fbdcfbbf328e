/** OperationModel → the plain data `templates/partials/operation.hbs` renders. */
import type { JsonValue } from "../../load/openapi-types.js";
import type { MediaModel, OperationModel, ParameterModel } from "../../model/types.js";
import type { Token } from "./highlight.js";
import { propertyRows } from "./property-rows.js";
import { notes, resolve, typeParts, type PropertyRow, type SchemaContext, type TypePart } from "./schema-view.js";
import { renderText, type Block } from "./text.js";
import type { TryItView } from "./tryit-view.js";

export interface ParameterView {
  name: string;
  location: string;
  type: TypePart[];
  required: boolean;
  deprecated: boolean;
  description: Block[];
  notes: string[];
  example?: string;
}

export interface MediaView {
  mediaType: string;
  type: TypePart[];
  rows: PropertyRow[];
  example?: string;
}

export interface ResponseView {
  status: string;
  description: Block[];
  success: boolean;
  media: MediaView[];
}

export interface SecurityView {
  label: string;
  href: string;
}

export interface OperationView {
  anchor: string;
  id: string;
  method: string;
  methodUpper: string;
  path: string;
  title: string;
  summary?: string;
  description: Block[];
  deprecated: boolean;
  /** Each alternative lists the schemes used together; empty list = no auth. */
  security: SecurityView[][];
  anonymous: boolean;
  parameters: ParameterView[];
  requestBody?: { required: boolean; description: Block[]; media: MediaView[] };
  responses: ResponseView[];
  example: SampleView;
  curl: SampleView;
  tryit: TryItView;
  clientCall: string;
  /** `contacts.listAll` for cursor-paginated operations. */
  iterator?: string;
}

export interface OperationInputs {
  anchor: string;
  securityHref(key: string): string;
  example: SampleView;
  curl: SampleView;
  tryit: TryItView;
}

export interface SampleView {
  tokens: Token[];
  file: string;
  code: string;
}

export function operationView(ctx: SchemaContext, op: OperationModel, inputs: OperationInputs): OperationView {
  const params = [...op.pathParams, ...op.queryParams, ...op.headerParams, ...op.cookieParams];
  return {
    anchor: inputs.anchor,
    id: op.id,
    method: op.method,
    methodUpper: op.method.toUpperCase(),
    path: op.path,
    title: op.summary ?? op.id,
    summary: op.summary,
    description: renderText(op.description),
    deprecated: op.deprecated,
    security: op.security.map((alt) => alt.map((key) => ({ label: key, href: inputs.securityHref(key) }))),
    anonymous: op.security.length === 0 || op.security.some((alt) => alt.length === 0),
    parameters: params.map((p) => parameterView(ctx, p)),
    requestBody: op.requestBody && {
      required: op.requestBody.required,
      description: renderText(op.requestBody.description),
      media: op.requestBody.content.map((m) => mediaView(ctx, m)),
    },
    responses: op.responses.map((r) => ({
      status: r.status,
      description: renderText(r.description),
      success: r.isSuccess,
      media: r.content.map((m) => mediaView(ctx, m)),
    })),
    example: inputs.example,
    curl: inputs.curl,
    tryit: inputs.tryit,
    clientCall: `${op.group ? `${op.group}.` : ""}${op.methodName}`,
    iterator: op.pagination ? `${op.group ? `${op.group}.` : ""}${op.methodName}All` : undefined,
  };
}

export function parameterView(ctx: SchemaContext, p: ParameterModel): ParameterView {
  return {
    name: p.name,
    location: p.in,
    type: typeParts(ctx, p.schema),
    required: p.required,
    deprecated: p.deprecated,
    description: renderText(p.description ?? resolve(ctx, p.schema).description),
    notes: notes(resolve(ctx, p.schema)),
    example: p.example === undefined ? undefined : json(p.example),
  };
}

function mediaView(ctx: SchemaContext, media: MediaModel): MediaView {
  return {
    mediaType: media.mediaType,
    type: media.schema ? typeParts(ctx, media.schema) : [],
    rows: media.schema ? propertyRows(ctx, media.schema) : [],
    example: media.example === undefined ? undefined : json(media.example),
  };
}

function json(value: JsonValue): string {
  return JSON.stringify(value, null, 2);
}
