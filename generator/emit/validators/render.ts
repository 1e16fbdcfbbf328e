/** Assembles generated/<api>/validators.ts from the compiled checks, the templates and the target plan. */
import * as formats from "../../runtime/formats.js";
import * as re2 from "../../runtime/re2-pattern.js";
import * as engine from "../../runtime/validator-engine.js";
import { docComment, pascalCase, propertyKey, stringLiteral } from "../safe.js";
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

/** Import lines for exactly the names the code uses (unused imports fail `noUnusedLocals`). */
function imports(code: string): string[] {
  const lines: string[] = [];
  const used = runtimeNames(code);
  const uses = (name: string): boolean =>
    /^(?:\$|__)/.test(name) ? used.has(name) : new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(code);
  for (const module of MODULES) {
    const from = `"./runtime/${module.file}.js"`;
    const types = module.types.filter(uses).sort();
    const values = module.values.filter(uses).sort();
    if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from ${from};`);
    if (values.length > 0) lines.push(`import { ${values.join(", ")} } from ${from};`);
  }
  return lines;
}

export interface RenderInput {
  title: string;
  sourceFile: string;
  /** Type `is<Name>` guards with `components["schemas"][name]` from ./types.js. */
  typed: boolean;
  plan: TargetPlan;
  /** Constants and functions of the compiled schemas. */
  declarations: string[];
  /** Target key → compiled function name. */
  checkOf: Map<string, string>;
}

const DIRECTION = { schema: 0, request: 1, response: 2 } as const;

function claim(taken: Set<string>, wanted: string): string {
  let candidate = wanted;
  for (let n = 2; taken.has(candidate); n++) candidate = `${wanted}${n}`;
  taken.add(candidate);
  return candidate;
}

export function renderModule(input: RenderInput): string {
  const { plan } = input;
  const typed = input.typed && plan.schemas.length > 0;
  const direction = new Map(plan.targets.map((t) => [t.key, DIRECTION[t.direction]]));
  const check = (use: Use): string => `${input.checkOf.get(use.key) as string}, ${direction.get(use.key) ?? 0}`;
  const validator = (use: Use, type = ""): string => `__validator${type}(${stringLiteral(use.name)}, ${check(use)})`;
  const typeOf = (name: string): string => (typed ? `components["schemas"][${stringLiteral(name)}]` : "unknown");

  const body: string[] = [...input.declarations];
  const taken = new Set<string>();
  const entries: string[] = [];
  for (const [name, use] of plan.schemas) {
    const base = pascalCase(name);
    const is = claim(taken, `is${base}`);
    const validate = claim(taken, `validate${base}`);
    body.push(
      "",
      docComment(`The ${name} schema: type guard, and issues (empty when valid).`).trimEnd(),
      `export const ${is} = (value: unknown): value is ${typeOf(name)} => __is(${check(use)}, value);`,
      `export const ${validate} = (value: unknown): ValidationIssue[] => __validate(${check(use)}, value);`,
    );
    entries.push(`  ${propertyKey(name)}: ${validator(use, typed ? `<${typeOf(name)}>` : "")},`);
  }
  body.push(
    "",
    "/** Validators of the component schemas, by schema name. */",
    `export const schemaValidators = {\n${entries.join("\n")}\n} satisfies Record<string, Validator>;`,
  );

  const ops = plan.operations.map((op) => {
    const lines: string[] = [];
    for (const part of ["path", "query", "headers"] as const) {
      const use = op[part];
      if (use) lines.push(`    ${part}: ${validator(use)},`);
    }
    const table = (rows: Array<[string, Use]>, indent: string): string =>
      rows.length === 0
        ? "{}"
        : `{\n${rows.map(([media, use]) => `${indent}  ${propertyKey(media)}: ${validator(use)},`).join("\n")}\n${indent}}`;
    if (op.body.length > 0) lines.push(`    body: ${table(op.body, "    ")},`);
    const responses = op.responses.map(([status, rows]) => `      ${propertyKey(status)}: ${table(rows, "      ")},`);
    lines.push(responses.length > 0 ? `    responses: {\n${responses.join("\n")}\n    },` : "    responses: {},");
    return `  ${propertyKey(op.id)}: {\n${lines.join("\n")}\n  },`;
  });
  body.push(
    "",
    "/** Validators of each operation's parameters, request bodies and response bodies, by operation id. */",
    `export const operationValidators: Record<string, OperationValidators> = {\n${ops.join("\n")}\n};`,
    "",
  );
  const code = body.join("\n");

  const head: string[] = [
    `// Generated by contactgen from ${input.sourceFile.replace(/[\r\n\u2028\u2029]/g, " ")}. Do not edit.`,
    docComment(
      `Runtime validators for ${input.title}: one per component schema, parameter set, request body and ` +
        "response body. Compiled ahead of time; importing this module compiles no schema.",
    ).trimEnd(),
    "/* eslint-disable */",
    ...imports(code),
  ];
  if (typed) head.push('import type { components } from "./types.js";');
  return `${head.join("\n")}\n\n${code}`;
}
