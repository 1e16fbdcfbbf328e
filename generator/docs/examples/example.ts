/**
 * The usage snippet for one operation: construct the generated client with credentials and required headers,
 * call the operation with the spec's example values, handle the typed error. Spec text reaches the snippet only
 * through the safe helpers (generator/emit/safe.ts); the page HTML-escapes the finished code.
 */
import { defaultBaseUrl } from "../../emit/client/options.js";
import { camelCase, identifier, propertyAccess } from "../../emit/safe.js";
import type { JsonValue } from "../../load/openapi-types.js";
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../../model/types.js";
import { exampleInputs } from "./inputs.js";
import { parameterValue, placeholder } from "./sample.js";
import { stringLiteral, tsObject, tsValue } from "./ts-value.js";

export interface ExampleOptions {
  /** Module specifier of the generated client as the reader imports it. */
  importPath: string;
}

export function defaultImportPath(model: ApiModel): string {
  return `./generated/${model.name}/index.js`;
}

export function clientVariable(model: ApiModel): string {
  return camelCase(model.name);
}

/** The `createXClient({...})` statement shared by the API page's set-up section and every operation snippet. */
export function clientSetup(model: ApiModel, schemes: SecuritySchemeModel[]): string {
  const entries: Array<[string, string]> = [];
  // The client requires baseUrl when the document names no absolute server URL; same rule as the generator.
  if (defaultBaseUrl(model) === undefined)
    entries.push(["baseUrl", stringLiteral(`https://YOUR_API_HOST${model.servers[0]?.basePath ?? ""}`)]);
  if (schemes.length > 0)
    entries.push([
      "auth",
      tsObject(
        schemes.map((s) => [s.optionName, credential(s)]),
        "  ",
      ),
    ]);
  const headers = model.clientHeaders.filter((h) => h.required);
  if (headers.length > 0)
    entries.push([
      "headers",
      tsObject(
        headers.map((h) => [h.identifier, tsValue(parameterValue(model.document, h), "    ")]),
        "  ",
      ),
    ]);
  const factory = identifier(`create${model.pascalName}Client`);
  return `const ${clientVariable(model)} = ${factory}(${tsObject(entries)});\n`;
}

/** Placeholders a reader replaces; typed as the client expects (a string, or a function returning one). */
function credential(scheme: SecuritySchemeModel): string {
  if (scheme.type === "bearer") return stringLiteral("YOUR_TOKEN");
  if (scheme.type === "basic")
    return tsObject([
      ["username", stringLiteral("YOUR_USERNAME")],
      ["password", stringLiteral("YOUR_PASSWORD")],
    ]);
  return stringLiteral(`YOUR_${placeholder(scheme.key)}`);
}

/** The API page's set-up snippet: import and construct the client with the document-level credentials. */
export function setupExample(model: ApiModel, options: ExampleOptions): string {
  const factory = identifier(`create${model.pascalName}Client`);
  return `import { ${factory} } from ${stringLiteral(options.importPath)};\n\n${clientSetup(model, schemesFor(model))}`;
}

/**
 * Credentials to show: the operation's first security alternative (for the set-up snippet, the document's or
 * else the first operation's), plus any scheme every operation needs; only schemes the client can apply.
 */
export function schemesFor(model: ApiModel, op?: OperationModel): SecuritySchemeModel[] {
  const first = op ? op.security[0] : (model.defaultSecurity[0] ?? model.operations[0]?.security[0]);
  const everywhere = (key: string) =>
    model.operations.length > 0 && model.operations.every((o) => o.security.every((alt) => alt.includes(key)));
  return model.securitySchemes.filter(
    (s) => s.type !== "mutualTLS" && s.type !== "other" && ((first ?? []).includes(s.key) || everywhere(s.key)),
  );
}

export function operationExample(model: ApiModel, op: OperationModel, options: ExampleOptions): string {
  const factory = identifier(`create${model.pascalName}Client`);
  const client = clientVariable(model);
  const args = callArguments(model, op);
  const target = `${client}${op.group ? propertyAccess(op.group) : ""}${propertyAccess(op.methodName)}`;
  const call = `await ${target}(${argumentList(args, target.length)})`;
  return [
    `import { ${factory}, ApiError } from ${stringLiteral(options.importPath)};`,
    "",
    clientSetup(model, schemesFor(model, op)),
    "try {",
    `  const result = ${indentContinuation(call, "  ")};`,
    "  console.log(result);",
    ...(op.pagination ? paginationLines(target, args) : []),
    "} catch (error) {",
    `  // ApiError: an HTTP error status${documentedErrors(op)}, with the response body as \`error.body\`.`,
    "  if (error instanceof ApiError) console.error(error.status, error.body);",
    "  else throw error;",
    "}",
    "",
  ].join("\n");
}

/** Status keys are spec text; only well-formed ones are named in the comment. */
function documentedErrors(op: OperationModel): string {
  const statuses = op.responses
    .filter((r) => !r.isSuccess && /^([1-5](\d\d|XX)|default)$/i.test(r.status))
    .map((r) => r.status);
  return statuses.length === 0 ? "" : ` (documented: ${statuses.join(", ")})`;
}

/** Paginated operations also get `<method>All()`, an async iterator over every item across pages. */
function paginationLines(target: string, args: string[]): string[] {
  const all = `${target}All`;
  return [
    "",
    "  // Or every item across all pages: the client follows the cursor as you iterate.",
    `  for await (const item of ${indentContinuation(`${all}(${argumentList(args, all.length + 20)})`, "  ")}) {`,
    "    console.log(item);",
    "  }",
  ];
}

function callArguments(model: ApiModel, op: OperationModel): string[] {
  const inputs = exampleInputs(model, op);
  const args = inputs.path.map(([, value]) => tsValue(value));
  if (inputs.body) args.push(tsValue(inputs.body.value));
  const options: Array<[string, string]> = [];
  const entries = (list: Array<[string, JsonValue]>) =>
    list.map(([name, value]): [string, string] => [name, tsValue(value, "    ")]);
  if (inputs.query.length > 0) options.push(["query", tsObject(entries(inputs.query), "  ")]);
  if (inputs.headers.length > 0) options.push(["headers", tsObject(entries(inputs.headers), "  ")]);
  if (options.length > 0) args.push(tsObject(options));
  return args;
}

/** One line when short; otherwise one argument per line, the way Prettier lays out a call. */
function argumentList(args: string[], prefix: number): string {
  const inline = args.join(", ");
  if (prefix + inline.length <= 70 && !inline.includes("\n")) return inline;
  const last = args.length - 1;
  if (args.slice(0, last).every((a) => !a.includes("\n")) && args[last]?.startsWith("{")) {
    const head = args.slice(0, last).join(", ");
    if (prefix + head.length <= 60) return head === "" ? (args[last] as string) : `${head}, ${args[last]}`;
  }
  return `\n${args.map((a) => `  ${indentContinuation(a, "  ")},`).join("\n")}\n`;
}

function indentContinuation(code: string, indent: string): string {
  return code.replace(/\n/g, `\n${indent}`);
}
