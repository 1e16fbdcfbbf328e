/**
 * The try-it console's form, as data: prefilled from the same values the samples send (exampleInputs), with the
 * credentials the operation needs and the servers it can be sent to. The form is rendered as HTML and only
 * driven by `assets/tryit-<api>.js`; without a script it stays hidden and the page reads as before.
 */
import { defaultBaseUrl } from "../../emit/client/options.js";
import type { JsonValue, SchemaObject } from "../../load/openapi-types.js";
import type { ApiModel, OperationModel, ParameterModel, SecuritySchemeModel } from "../../model/types.js";
import { schemesFor } from "../examples/example.js";
import { exampleInputs } from "../examples/inputs.js";
import { parameterValue } from "../examples/sample.js";
import { isJsonMedia } from "../../openapi/media-types.js";
import { resolve, type SchemaContext } from "./schema-view.js";

export interface TryItField {
  id: string;
  name: string;
  location: "path" | "query" | "header";
  required: boolean;
  /** How the text is read back: string, integer, number, boolean, object, or array:<item kind>. */
  kind: string;
  value: string;
}

export interface TryItAuth {
  id: string;
  label: string;
  type: string;
  in: string;
  name: string;
  prefix: string;
  hint: string;
}

export interface TryItView {
  servers: Array<{ label: string; value: string }>;
  auth: TryItAuth[];
  fields: TryItField[];
  body?: { id: string; mediaType: string; value: string; required: boolean };
}

export function tryItView(ctx: SchemaContext, model: ApiModel, op: OperationModel, anchor: string): TryItView {
  const inputs = exampleInputs(model, op);
  const given = new Map<string, JsonValue>([
    ...inputs.path.map(([n, v]): [string, JsonValue] => [`path:${n}`, v]),
    ...inputs.query.map(([n, v]): [string, JsonValue] => [`query:${n}`, v]),
    ...inputs.headers.map(([n, v]): [string, JsonValue] => [`header:${n}`, v]),
  ]);
  const field = (p: ParameterModel, i: number, value: JsonValue | undefined): TryItField => ({
    id: `${anchor}-f${i}`,
    name: p.name,
    location: p.in as TryItField["location"],
    required: p.required,
    kind: kindOf(ctx, p.schema),
    value: value === undefined ? "" : text(value),
  });
  const clientHeaders = model.clientHeaders.filter((h) => h.required);
  const params = [...op.pathParams, ...op.queryParams, ...clientHeaders, ...op.headerParams];
  const fields = params.map((p, i) =>
    field(
      p,
      i,
      given.get(`${p.in}:${p.name}`) ?? (clientHeaders.includes(p) ? parameterValue(model.document, p) : undefined),
    ),
  );
  const servers = model.servers
    .map((s) => s.url)
    .filter((url) => /^https?:\/\/[^{}\s]+$/i.test(url))
    .map((url) => ({ label: url, value: url.replace(/\/+$/, "") }));
  if (servers.length === 0 && defaultBaseUrl(model) === undefined && model.servers[0])
    servers.push({ label: `${model.servers[0].url} (relative to this page)`, value: model.servers[0].url });
  return {
    servers: [{ label: "Local mock (docs:serve --mock)", value: "mock" }, ...servers],
    auth: schemesFor(model, op).map((s) => authField(s, anchor)),
    fields,
    body: inputs.body && {
      id: `${anchor}-body`,
      mediaType: inputs.body.mediaType,
      value: isJsonMedia(inputs.body.mediaType) ? JSON.stringify(inputs.body.value, null, 2) : text(inputs.body.value),
      required: op.requestBody?.required ?? false,
    },
  };
}

function authField(s: SecuritySchemeModel, anchor: string): TryItAuth {
  const base = { id: `${anchor}-auth-${s.optionName}`, label: s.key, type: s.type, in: "", name: "", prefix: "" };
  if (s.type === "bearer") return { ...base, hint: "token, sent as Authorization: Bearer <token>" };
  if (s.type === "basic") return { ...base, hint: "username:password, sent as Authorization: Basic" };
  if (s.type === "apiKey")
    return { ...base, in: s.in, name: s.name, prefix: s.prefix ?? "", hint: `key, sent in ${s.in} ${s.name}` };
  return { ...base, hint: s.type };
}

function text(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.join(",");
  return JSON.stringify(value);
}

function kindOf(ctx: SchemaContext, schema: SchemaObject): string {
  const resolved = resolve(ctx, schema);
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  const type = types.find((t) => t !== "null") ?? (resolved.properties ? "object" : "string");
  if (type === "array") return `array:${kindOf(ctx, typeof resolved.items === "object" ? resolved.items : {})}`;
  return type;
}
