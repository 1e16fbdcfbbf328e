/**
 * Emits `client.ts`: `create<Api>Client(options)` returning named operations grouped by first tag
 * (`pylon.contacts.update(id, body)`), typed from types.ts, running on the copied runtime.
 */
import type { ApiModel, OperationModel } from "../../model/types.js";
import { banner } from "../banner.js";
import type { Emitter, EmittedFile } from "../emitter.js";
import { docComment, jsonLiteral, propertyKey } from "../safe.js";
import { operationCode } from "./operation.js";
import { memberNames } from "./members.js";
import { defaultBaseUrl, optionsCode } from "./options.js";

export interface ClientEmitterOptions {
  /** Load `operationValidators` from ./validators.js on the first validating call (only when the validators emitter runs too). */
  withValidators: boolean;
}

const RUNTIME_IMPORTS = [
  "createRuntime",
  "type ApiError",
  "type BinaryBody",
  "type ParseAs",
  "type ParsedAs",
  "type ServerSentEvent",
  "type SseData",
  "type SseOptions",
  "type ApiDescription",
  "type BasicCredentials",
  "type CallOptions",
  "type CookieParams",
  "type ClientOptionsBase",
  "type Credential",
  "type HeaderParam",
  "type HeaderParams",
  "type OperationSpec",
  "type Outcome",
  "type PageItem",
  "type PathParam",
  "type QueryParams",
  "type RequestBody",
  "type Readable",
  "type ResponseBody",
  "type ResponseHeader",
  "type Success",
];

export function clientEmitter(config: ClientEmitterOptions): Emitter {
  return {
    name: "client",
    emit: (model) => Promise.resolve([emitClient(model, config)]),
  };
}

function emitClient(model: ApiModel, config: ClientEmitterOptions): EmittedFile {
  const name = model.pascalName;
  const firstOp = model.operations[0];
  const headerSource = firstOp ? `Op_${firstOp.identifier}` : undefined;
  const opts = optionsCode(model, name, model.clientHeaders.length > 0 ? headerSource : undefined);
  const codes = new Map(
    model.operations.map((op) => [op, operationCode(op, "paths", opts.usableSchemes, model.document)]),
  );
  const baseUrl = defaultBaseUrl(model);
  const description = `const description: ApiDescription = {
  name: ${jsonLiteral(model.name)},
${baseUrl ? `  defaultBaseUrl: ${jsonLiteral(baseUrl)},\n` : ""}  // as const: a scheme named constructor would otherwise be typed against Object.prototype.constructor.
  securitySchemes: ${opts.schemes} as const,
  clientHeaders: ${opts.clientHeaders},
${config.withValidators ? '  loadValidators: () => import("./validators.js").then((m) => m.operationValidators),\n' : ""}};`;
  const body = [
    opts.declarations,
    [...codes.values()].map((c) => `${c.types}\n${c.spec}\n`).join("\n"),
    description,
    "",
    docComment(
      `Client for ${model.title} ${model.version}.${model.description ? `\n\n${model.description}` : ""}`,
    ).trimEnd(),
    `export function create${name}Client<Throw extends boolean = true>(options: ${name}ClientOptions<Throw>${opts.optionsRequired ? "" : " = {}"}) {`,
    // A document without operations still checks the options; it just has no methods to bind `rt` to.
    `  ${model.operations.length > 0 ? "const rt = " : ""}createRuntime(description, options, ${opts.credentials}, ${opts.headerValues});`,
    `  return {\n${groups(model.operations, codes)}  };`,
    "}",
    "",
    `export type ${name}Client<Throw extends boolean = true> = ReturnType<typeof create${name}Client<Throw>>;`,
  ].join("\n");
  const imports = RUNTIME_IMPORTS.filter((i) => usesName(body, i.replace(/^type /, "")));
  // Types printed beside types.ts (3.2 itemSchema event data) refer to its components and read/write markers.
  const typeImports = ["paths", "components", "$Read", "$Write"].filter((n) => usesTypeName(body, n));
  const contents = [
    banner(model).trimEnd(),
    "",
    typeImports.length > 0 ? `import type { ${typeImports.join(", ")} } from "./types.js";` : "",
    `import { ${imports.join(", ")} } from "./runtime/index.js";`,
    "",
    usesName(body, "WithRequired") ? WITH_REQUIRED : "",
    body.replace(/\n{3,}/g, "\n\n"),
    "",
  ]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return { path: "client.ts", contents };
}

function usesName(code: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(code);
}

/** `$Read` is not a \b word; `paths` must be a type reference, not a word in a comment. */
function usesTypeName(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?:\\[|<)`).test(code);
}

const WITH_REQUIRED = "type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };\n";

/** Grouped members become nested objects; untagged operations sit at the top level beside the groups. */
function groups(operations: OperationModel[], codes: Map<OperationModel, ReturnType<typeof operationCode>>): string {
  const byGroup = new Map<string, string[]>();
  const topLevel: string[] = [];
  const names = memberNames(operations, (op) => (codes.get(op)?.members ?? []).map((m) => m.name));
  for (const op of operations) {
    for (const [i, member] of (codes.get(op)?.members ?? []).entries()) {
      const code = member.render(names.get(op)?.[i] ?? member.name);
      if (op.group === undefined) topLevel.push(code.replace(/^ {2}/gm, ""));
      else byGroup.set(op.group, [...(byGroup.get(op.group) ?? []), code]);
    }
  }
  const grouped = [...byGroup.entries()].map(
    ([group, members]) => `    ${propertyKey(group)}: {\n${members.join("")}    },\n`,
  );
  return [...grouped, ...topLevel].join("");
}
