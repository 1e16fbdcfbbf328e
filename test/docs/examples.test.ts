/**
 * Every TypeScript example the site shows compiles against the generated clients in generated/. The examples are
 * compiled exactly as rendered, as virtual files at the repository root, where the snippets' import
 * `./generated/<api>/index.js` resolves to the committed clients.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFile } from "../../generator/docs/site.js";
import { exampleInputs } from "../../generator/docs/examples/inputs.js";
import type { ApiModel } from "../../generator/model/types.js";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";
import { compileExamples } from "./compile-examples.js";

let models: ApiModel[];
let examples: SiteFile[];

beforeAll(async () => {
  const site = await realSite();
  models = site.models;
  examples = site.files.filter((f) => f.path.startsWith("examples/") && f.path.endsWith(".ts"));
});

const compile = (files: SiteFile[]) => compileExamples(files);

describe("docs examples", () => {
  it("has one example per operation plus the client set-up, for every API", () => {
    const want = models.flatMap((m) => [`examples/${m.name}/index.ts`, ...m.operations.map(() => m.name)]);
    expect(examples.length).toBe(want.length);
    for (const model of models) {
      const own = examples.filter((e) => e.path.startsWith(`examples/${model.name}/`));
      expect(own.length).toBe(model.operations.length + 1);
      for (const op of model.operations) {
        const call = `${model.name}.${op.group ? `${op.group}.` : ""}${op.methodName}(`;
        expect(
          own.some((e) => e.contents.includes(call)),
          `${model.name} ${op.id} shows ${call}`,
        ).toBe(true);
      }
    }
  });

  it("type-checks every example against the generated clients", () => {
    expect(compile(examples)).toEqual([]);
  });

  it("sends values the API accepts: path, query and body validate against the generated validators", async () => {
    for (const model of models) {
      const module = (await import(pathToFileURL(path.join(ROOT, "generated", model.name, "validators.ts")).href)) as {
        operationValidators: Record<string, OperationValidators>;
      };
      for (const op of model.operations) {
        const validators = module.operationValidators[op.id];
        const inputs = exampleInputs(model, op);
        const checks: Array<[string, Validator | undefined, unknown]> = [
          ["path", validators?.path, Object.fromEntries(inputs.path)],
          ["query", validators?.query, Object.fromEntries(inputs.query)],
        ];
        if (inputs.body) checks.push(["body", validators?.body?.[inputs.body.mediaType], inputs.body.value]);
        for (const [part, validator, value] of checks)
          expect(validator?.validate(value) ?? [], `${model.name} ${op.id} ${part}`).toEqual([]);
        if (inputs.body) expect(validators?.body?.[inputs.body.mediaType], `${op.id} body validator`).toBeDefined();
      }
    }
  });

  it("catches an example that does not compile (the check can fail)", () => {
    const broken = examples.find((e) => e.path.endsWith("/index.ts")) as SiteFile;
    const errors = compile([{ path: "broken.ts", contents: `${broken.contents}\n${models[0]?.name}.nope();\n` }]);
    expect(errors.join("\n")).toMatch(/nope/);
  });

  it("keeps hostile spec text inside string literals: the hostile example is valid TypeScript", async () => {
    const { files } = await hostileSite();
    for (const file of files.filter((f) => f.path.endsWith(".ts"))) {
      const out = ts.transpileModule(file.contents, {
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      expect(out.diagnostics ?? [], file.path).toEqual([]);
      // Every statement is one the generator wrote (import, const, try), so nothing from the spec escaped a literal.
      const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022);
      const expected = source.statements.every(
        (s) => ts.isImportDeclaration(s) || ts.isVariableStatement(s) || ts.isTryStatement(s),
      );
      expect(expected, file.contents).toBe(true);
    }
  });
});
