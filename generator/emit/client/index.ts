/**
 * Emits `client.ts`: `create<Api>Client(options)` returning named operations grouped by first tag
 * (`pylon.contacts.update(id, body)`), typed from types.ts, running on the copied runtime. Built with the `ts`
 * tag (generator/emit/code.ts): spec text reaches the file only through safe.ts, and the compiler checks it.
 */
import type { ApiModel, OperationModel } from "../../model/types.js";
import { banner } from "../banner.js";
import { EMPTY, join, ts, type Code } from "../code.js";
import { defineEmitter, type CodeFile } from "../emitter.js";
import { docComment, identifier, jsonLiteral, propertyKey } from "../safe.js";
import { ClientContext, RUNTIME } from "./context.js";
import { operationAlias, operationCode, type OperationCode } from "./operation.js";
import { memberNames } from "./members.js";
import { defaultBaseUrl, optionsCode } from "./options.js";

export interface ClientEmitterOptions {
  /** Load `operationValidators` from ./validators.js on the first validating call (only when the validators emitter runs too). */
  withValidators: boolean;
}

export const clientDefinition = defineEmitter({
  name: "client",
  description: "client.ts: create<Api>Client with one typed method per operation, grouped by tag",
  requires: ["types", "runtime"],
  files: ["client.ts"],
  emit: ({ model, provided }) => [emitClient(model, { withValidators: provided("operation-validators") })],
});

const WITH_REQUIRED = ts`type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };\n`;

export function emitClient(model: ApiModel, config: ClientEmitterOptions): CodeFile {
  const ctx = new ClientContext(model.document);
  const name = identifier(model.pascalName);
  const aliases = new Map(model.operations.map((op) => [op, operationAlias(op)]));
  const firstOp = model.operations[0];
  const headerSource = firstOp && model.clientHeaders.length > 0 ? aliases.get(firstOp)?.ref : undefined;
  const opts = optionsCode(ctx, model, name, headerSource);
  const codes = new Map(
    model.operations.map((op) => [op, operationCode(ctx, op, opts.usableSchemes, aliases.get(op)!)]),
  );
  const baseUrl = defaultBaseUrl(model);
  const description = ts`const description: ${ctx.rt("ApiDescription")} = {
  name: ${jsonLiteral(model.name)},
${baseUrl ? ts`  defaultBaseUrl: ${jsonLiteral(baseUrl)},\n` : EMPTY}  // as const: a scheme named constructor would otherwise be typed against Object.prototype.constructor.
  securitySchemes: ${opts.schemes} as const,
  clientHeaders: ${opts.clientHeaders},
${config.withValidators ? ts`  loadValidators: () => import("./validators.js").then((m) => m.operationValidators),\n` : EMPTY}};`;
  const createRuntime = model.operations.length > 0 ? ts`const rt = ` : EMPTY;
  const body = join(
    [
      opts.declarations,
      join(
        [...codes.values()].map((c) => ts`${c.types}\n${c.spec}\n`),
        "\n",
      ),
      description,
      EMPTY,
      ts`${docComment(
        `Client for ${model.title} ${model.version}.${model.description ? `\n\n${model.description}` : ""}`,
      )}export function create${name}Client<Throw extends boolean = true>(options: ${name}ClientOptions<Throw>${opts.optionsRequired ? EMPTY : ts` = {}`}) {`,
      // A document without operations still checks the options; it just has no methods to bind `rt` to.
      ts`  ${createRuntime}${ctx.imports.value(RUNTIME, "createRuntime")}(description, options, ${opts.credentials}, ${opts.headerValues});`,
      ts`  return {\n${groups(model.operations, codes)}  };`,
      ts`}`,
      EMPTY,
      ts`export type ${name}Client<Throw extends boolean = true> = ReturnType<typeof create${name}Client<Throw>>;`,
    ],
    "\n",
  );
  const contents = ts`${banner(model)}\n${ctx.imports.render()}\n${ctx.withRequired ? WITH_REQUIRED : EMPTY}${body}\n`;
  return { path: "client.ts", contents: collapseBlankLines(contents) };
}

/** Layout only: runs of blank lines left by empty parts become one. */
function collapseBlankLines(code: Code): Code {
  return code.replace(/\n{3,}/g, "\n\n") as Code;
}

/** Grouped members become nested objects; untagged operations sit at the top level beside the groups. */
function groups(operations: OperationModel[], codes: Map<OperationModel, OperationCode>): Code {
  const byGroup = new Map<string, Code[]>();
  const topLevel: Code[] = [];
  const names = memberNames(operations, (op) => (codes.get(op)?.members ?? []).map((m) => m.name));
  for (const op of operations) {
    for (const [i, member] of (codes.get(op)?.members ?? []).entries()) {
      const code = member.render(names.get(op)?.[i] ?? member.name);
      // Untagged members sit two spaces further out: layout of code already built, not spec text.
      if (op.group === undefined) topLevel.push(code.replace(/^ {2}/gm, "") as Code);
      else byGroup.set(op.group, [...(byGroup.get(op.group) ?? []), code]);
    }
  }
  const grouped = [...byGroup.entries()].map(
    ([group, members]) => ts`    ${propertyKey(group)}: {\n${join(members, "")}    },\n`,
  );
  return join([...grouped, ...topLevel], "");
}
