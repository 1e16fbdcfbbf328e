/** ApiModel → the plain data the index card and the API page render. All anchors come from one Slugger. */
import { curlSample } from "../examples/curl.js";
import { defaultImportPath, operationExample, setupExample } from "../examples/example.js";
import type { ApiModel, SecuritySchemeModel } from "../../model/types.js";
import { highlight, highlightShell, type Token } from "./highlight.js";
import { operationView, parameterView, type OperationView, type ParameterView } from "./operation-view.js";
import { propertyRows } from "./property-rows.js";
import { notes, resolve, typeParts, type PropertyRow, type TypePart } from "./schema-view.js";
import { clean, Slugger } from "./slug.js";
import { renderText, type Block } from "./text.js";
import { tryItView } from "./tryit-view.js";

export interface AuthView {
  key: string;
  anchor: string;
  kind: string;
  optionName: string;
  description: Block[];
}

export interface SchemaView {
  name: string;
  anchor: string;
  type: TypePart[];
  description: Block[];
  notes: string[];
  rows: PropertyRow[];
}

export interface ApiView {
  name: string;
  title: string;
  version: string;
  openapiVersion: string;
  sourceFile: string;
  href: string;
  description: Block[];
  servers: Array<{ url: string; description: Block[] }>;
  auth: AuthView[];
  clientHeaders: ParameterView[];
  setup: Token[];
  operations: OperationView[];
  schemas: SchemaView[];
}

export interface ExampleFile {
  path: string;
  code: string;
}

export function apiPageFile(name: string): string {
  return `${clean(name) || "api"}.html`;
}

export function apiView(model: ApiModel): { view: ApiView; examples: ExampleFile[] } {
  const slugs = new Slugger();
  const schemaAnchors = new Map(model.schemaNames.map((n) => [n, slugs.slug(n, "schema-")]));
  const authAnchors = new Map(model.securitySchemes.map((s) => [s.key, slugs.slug(s.key, "auth-")]));
  const ctx = { doc: model.document, schemaHref: (n: string) => hrefOf(schemaAnchors.get(n)) };
  const dir = `examples/${clean(model.name) || "api"}`;
  slugs.reserve("op-index");
  const setupCode = setupExample(model, { importPath: defaultImportPath(model) });
  const examples: ExampleFile[] = [{ path: `${dir}/index.ts`, code: setupCode }];
  const operations = model.operations.map((op) => {
    const anchor = slugs.slug(op.id, "op-");
    const code = operationExample(model, op, { importPath: defaultImportPath(model) });
    const file = `${dir}/${anchor.slice(3)}.ts`;
    const curl = curlSample(model, op);
    const curlFile = `${dir}/${anchor.slice(3)}.sh`;
    examples.push({ path: file, code }, { path: curlFile, code: curl.code });
    return operationView(ctx, op, {
      anchor,
      securityHref: (key) => hrefOf(authAnchors.get(key)) ?? "#authentication",
      example: { tokens: highlight(code), file, code },
      curl: { tokens: highlightShell(curl.code), file: curlFile, code: curl.code },
      tryit: tryItView(ctx, model, op, anchor),
    });
  });
  const view: ApiView = {
    name: model.name,
    title: model.title,
    version: model.version,
    openapiVersion: model.openapiVersion,
    sourceFile: model.sourceFile,
    href: apiPageFile(model.name),
    description: renderText(model.description),
    servers: model.servers.map((s) => ({ url: s.url, description: renderText(s.description) })),
    auth: model.securitySchemes.map((s) => ({
      key: s.key,
      anchor: authAnchors.get(s.key) ?? "",
      kind: authKind(s),
      optionName: s.optionName,
      description: renderText(s.description),
    })),
    clientHeaders: model.clientHeaders.map((h) => parameterView(ctx, h)),
    setup: highlight(setupCode),
    operations,
    schemas: model.schemaNames.map((name) => {
      const schema = resolve(ctx, model.document.components?.schemas?.[name]);
      return {
        name,
        anchor: schemaAnchors.get(name) ?? "",
        type: typeParts(ctx, schema),
        description: renderText(schema.description),
        notes: notes(schema),
        rows: propertyRows(ctx, schema),
      };
    }),
  };
  return { view, examples };
}

function hrefOf(anchor: string | undefined): string | undefined {
  return anchor === undefined ? undefined : `#${anchor}`;
}

export function authKind(s: SecuritySchemeModel): string {
  switch (s.type) {
    case "bearer":
      return `HTTP bearer token${s.bearerFormat ? ` (${s.bearerFormat})` : ""}: Authorization: Bearer <token>`;
    case "basic":
      return "HTTP basic authentication";
    case "apiKey":
      return `API key in ${s.in} ${s.name}${s.prefix ? `, sent as "${s.prefix} <key>"` : ""}`;
    default:
      return s.type;
  }
}
