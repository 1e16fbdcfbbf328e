/** Assembles generated/<api>/validators.ts from the compiled checks, the templates and the target plan. */
import * as formats from "../../runtime/formats.js";
import { claimName } from "../../openapi/names.js";
import * as re2 from "../../runtime/re2-pattern.js";
import * as engine from "../../runtime/validator-engine.js";
import { EMPTY, Imports, join, num, ts, type Code } from "../code.js";
import { docComment, identifier, pascalCase, propertyKey, stringLiteral } from "../safe.js";
import type { TargetPlan, Use } from "./targets.js";

/** The runtime modules validators.ts imports from, with the names each exports (types listed by hand). */
const MODULES: Array<{ file: string; values: string[]; types: string[] }> = [
  { file: "validation", values: [], types: ["OperationValidators", "ValidationIssue", "Validator"] },
  { file: "validator-engine", values: Object.keys(engine), types: ["$A", "$C", "$E"] },
  { file: "formats", values: Object.keys(formats).filter((n) => n !== "__formats"), types: [] },
  { file: "re2-pattern", values: Object.keys(re2), types: [] },
];

/** Every identifier of the code that starts with `$` or `__` (what the runtime modules export), in one scan. */
function runtimeNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$])(?:\$|__)[\w$]*/g)) names.add(m[0]);
  return names;
}

/**
 * Records the runtime names the compiled checks use (unused imports fail `noUnusedLocals`). The checks are text
 * from compiler.ts, so their names are found by one scan; the names this module writes itself go through `imports`
 * where they are written.
 */
function importsOf(checks: string, imports: Imports): void {
  const used = runtimeNames(checks);
  for (const module of MODULES) {
    const from = `./runtime/${module.file}.js`;
    for (const name of module.types) if (used.has(name)) imports.type(from, name);
    for (const name of module.values) if (used.has(name)) imports.value(from, name);
  }
}

export interface RenderInput {
  title: string;
  sourceFile: string;
  /** Type `is<Name>` guards with `components["schemas"][name]` from ./types.js. */
  typed: boolean;
  plan: TargetPlan;
  /** Constants and functions of the compiled schemas. */
  declarations: Code[];
  /** Target key → compiled function name. */
  checkOf: Map<string, Code>;
}

const DIRECTION = { schema: 0, request: 1, response: 2 } as const;

/** A unique function name: the shared rule, brought back into Code through safe.ts (digits keep it an identifier). */
const claim = (taken: Set<string>, wanted: Code): Code => identifier(claimName(taken, wanted));

const ENGINE = "./runtime/validator-engine.js";
const VALIDATION = "./runtime/validation.js";

export function renderModule(input: RenderInput): Code {
  const { plan } = input;
  const typed = input.typed && plan.schemas.length > 0;
  const imports = new Imports();
  // Built with the `ts` tag by compiler.ts and keywords.ts: spec values entered only through safe.ts.
  const checks = join(input.declarations, "\n");
  // A target's entry may be a runtime function itself (`$yes` for `true`, `$no` for `false`).
  importsOf(`${checks}\n${[...input.checkOf.values()].join("\n")}`, imports);
  const direction = new Map(plan.targets.map((t) => [t.key, DIRECTION[t.direction]]));
  const check = (use: Use): Code => ts`${input.checkOf.get(use.key) as Code}, ${num(direction.get(use.key) ?? 0)}`;
  const validator = (use: Use, type: Code = EMPTY): Code =>
    ts`${imports.value(ENGINE, "__validator")}${type}(${stringLiteral(use.name)}, ${check(use)})`;
  const typeOf = (name: string): Code =>
    typed ? ts`${imports.type("./types.js", "components")}["schemas"][${stringLiteral(name)}]` : ts`unknown`;
  const issueType = (): Code => imports.type(VALIDATION, "ValidationIssue");

  const body: Code[] = [checks];
  const taken = new Set<string>();
  const entries: Code[] = [];
  for (const [name, use] of plan.schemas) {
    const base = pascalCase(name);
    const is = claim(taken, ts`is${base}`);
    const validate = claim(taken, ts`validate${base}`);
    body.push(
      EMPTY,
      ts`${docComment(`The ${name} schema: type guard, and issues (empty when valid).`)}export const ${is} = (value: unknown): value is ${typeOf(name)} => ${imports.value(ENGINE, "__is")}(${check(use)}, value);`,
      ts`export const ${validate} = (value: unknown): ${issueType()}[] => ${imports.value(ENGINE, "__validate")}(${check(use)}, value);`,
    );
    entries.push(ts`  ${propertyKey(name)}: ${validator(use, typed ? ts`<${typeOf(name)}>` : EMPTY)},`);
  }
  body.push(
    EMPTY,
    ts`/** Validators of the component schemas, by schema name. */`,
    ts`export const schemaValidators = {\n${join(entries, "\n")}\n} satisfies Record<string, ${imports.type(VALIDATION, "Validator")}>;`,
  );

  const ops = plan.operations.map((op) => {
    const lines: Code[] = [];
    if (op.path) lines.push(ts`    path: ${validator(op.path)},`);
    if (op.query) lines.push(ts`    query: ${validator(op.query)},`);
    if (op.headers) lines.push(ts`    headers: ${validator(op.headers)},`);
    const table = (rows: Array<[string, Use]>, indent: Code): Code =>
      rows.length === 0
        ? ts`{}`
        : ts`{\n${join(
            rows.map(([media, use]) => ts`${indent}  ${propertyKey(media)}: ${validator(use)},`),
            "\n",
          )}\n${indent}}`;
    if (op.body.length > 0) lines.push(ts`    body: ${table(op.body, ts`    `)},`);
    const responses = op.responses.map(
      ([status, rows]) => ts`      ${propertyKey(status)}: ${table(rows, ts`      `)},`,
    );
    lines.push(responses.length > 0 ? ts`    responses: {\n${join(responses, "\n")}\n    },` : ts`    responses: {},`);
    return ts`  ${propertyKey(op.id)}: {\n${join(lines, "\n")}\n  },`;
  });
  body.push(
    EMPTY,
    ts`/** Validators of each operation's parameters, request bodies and response bodies, by operation id. */`,
    ts`export const operationValidators: Record<string, ${imports.type(VALIDATION, "OperationValidators")}> = {\n${join(ops, "\n")}\n};`,
    EMPTY,
  );
  const code = join(body, "\n");
  const summary = docComment(
    `Runtime validators for ${input.title}: one per component schema, parameter set, request body and ` +
      "response body. Compiled ahead of time; importing this module compiles no schema.",
  );
  // The source file's name goes in a doc comment (escaped there), not in a line comment.
  return ts`${docComment(`Generated by contactgen from ${input.sourceFile}. Do not edit.`)}${summary}/* eslint-disable */\n${imports.render()}\n${code}`;
}
