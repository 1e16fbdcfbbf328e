/**
 * Every TypeScript example the docs show compiles against the client generated from the same spec, exactly as
 * rendered: the five APIs against the committed generated/, and two fixture specs against clients generated
 * into a scratch folder:
 * - test/fixtures/hostile.yaml (the generator's): `*\/`, backticks, `${`, `</script>`, U+2028, `constructor`,
 *   `__proto__` and reserved words in every name;
 * - test/fixtures/docs-shapes.yaml: a relative server URL, security alternatives (basic or bearer) and anonymous
 *   operations, required query/header parameters that are not hoisted, array and optional bodies, an untagged
 *   operation, 3.0 boolean `exclusiveMinimum`, `allOf`-wrapped enums.
 * One TypeScript 7 program compiles them all, plus one deliberately broken example to show the check can fail.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs } from "../../generator/docs/examples/inputs.js";
import { renderSite, type SiteFile } from "../../generator/docs/site.js";
import { loadTemplates } from "../../generator/docs/templates.js";
import type { ApiModel } from "../../generator/model/types.js";
import { generateApi } from "../../generator/pipeline.js";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";
import { writeOutputs } from "../../generator/write/write.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";
import { compileExampleSets } from "./compile-examples.js";

const FIXTURES = [
  ["hostile", "test/fixtures/hostile.yaml"],
  ["shapes", "test/fixtures/docs-shapes.yaml"],
] as const;
// Inside the project so the generated runtimes resolve openapi-fetch from node_modules.
const SCRATCH = path.join(ROOT, ".tmp", "test-out", `docs-examples-${process.pid}`);

const isExample = (f: SiteFile) => f.path.startsWith("examples/") && f.path.endsWith(".ts");

let models: ApiModel[];
let examples: SiteFile[];
const fixtures: Array<{ name: string; model: ApiModel; files: SiteFile[] }> = [];
let diagnostics: { real: string[]; broken: string[]; fixtures: string[][] };

beforeAll(async () => {
  const site = await realSite();
  models = site.models;
  examples = site.files.filter(isExample);
  for (const [name, spec] of FIXTURES) {
    const generated = await generateApi(path.join(ROOT, spec), name, { validators: false });
    await writeOutputs([{ dir: path.join(SCRATCH, name, "generated", name), files: generated.files }]);
    fixtures.push({ name, model: generated.model, files: renderSite([generated.model], await loadTemplates()) });
  }
  const setup = examples.find((e) => e.path.endsWith("/index.ts")) as SiteFile;
  const broken = { path: "broken.ts", contents: `${setup.contents}\n${models[0]?.name}.nope();\n` };
  const [real = [], brokenOut = [], ...fixtureOut] = await compileExampleSets([
    { baseDir: ROOT, files: examples },
    { baseDir: ROOT, files: [broken] },
    ...fixtures.map((f) => ({ baseDir: path.join(SCRATCH, f.name), files: f.files.filter(isExample) })),
  ]);
  diagnostics = { real, broken: brokenOut, fixtures: fixtureOut };
});

afterAll(async () => {
  await rm(SCRATCH, { recursive: true, force: true });
});

describe("docs examples", () => {
  it("has one example per operation plus the client set-up, for every API", () => {
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
    expect(examples.length).toBe(models.reduce((n, m) => n + m.operations.length + 1, 0));
  });

  it("type-checks every example against the generated clients", () => {
    expect(diagnostics.real).toEqual([]);
  });

  it("catches an example that does not compile (the check can fail)", () => {
    expect(diagnostics.broken.join("\n")).toMatch(/nope/);
  });

  it.each(FIXTURES.map(([name], i) => [name, i] as const))(
    "fixture %s: an example per operation, each compiling against that fixture's client",
    (name, i) => {
      const fixture = fixtures[i];
      expect(fixture?.name).toBe(name);
      expect(fixture?.files.filter(isExample).length).toBe((fixture?.model.operations.length ?? 0) + 1);
      expect(diagnostics.fixtures[i]).toEqual([]);
    },
  );

  it("sends values the API accepts: path, query and body validate against the generated validators", async () => {
    let checked = 0;
    for (const model of models) {
      const module = (await import(pathToFileURL(path.join(ROOT, "generated", model.name, "validators.ts")).href)) as {
        operationValidators: Record<string, OperationValidators>;
      };
      for (const op of model.operations) {
        const validators = module.operationValidators[op.id];
        expect(validators, `${model.name} ${op.id} has validators`).toBeDefined();
        const inputs = exampleInputs(model, op);
        const checks: Array<[string, Validator | undefined, unknown]> = [];
        // A part the example fills must have a validator: a missing one would otherwise pass unchecked.
        if (inputs.path.length > 0) checks.push(["path", validators?.path, Object.fromEntries(inputs.path)]);
        if (inputs.query.length > 0) checks.push(["query", validators?.query, Object.fromEntries(inputs.query)]);
        if (inputs.body) checks.push(["body", validators?.body?.[inputs.body.mediaType], inputs.body.value]);
        for (const [part, validator, value] of checks) {
          expect(validator, `${model.name} ${op.id} ${part} validator`).toBeDefined();
          expect(validator?.validate(value), `${model.name} ${op.id} ${part}`).toEqual([]);
        }
        checked += checks.length;
      }
    }
    expect(checked).toBeGreaterThan(models.reduce((n, m) => n + m.operations.length, 0));
  });

  it("keeps hostile spec text inside string literals: every statement is one the builder wrote", async () => {
    const sites = [(await hostileSite()).files, ...fixtures.map((f) => f.files)];
    for (const file of sites.flat().filter(isExample)) {
      const out = ts.transpileModule(file.contents, {
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      expect(out.diagnostics ?? [], file.path).toEqual([]);
      const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022);
      const expected = source.statements.every(
        (s) => ts.isImportDeclaration(s) || ts.isVariableStatement(s) || ts.isTryStatement(s),
      );
      expect(expected, file.contents).toBe(true);
    }
  });

  it("renders fixture pages with no tag the templates did not write and no event handler attribute", () => {
    for (const file of fixtures.flatMap((f) => f.files).filter((f) => f.path.endsWith(".html"))) {
      expect(file.contents, file.path).not.toMatch(
        /<(script(?! src="assets\/)|img|iframe|svg|object|embed|style|base)\b/i,
      );
      expect(file.contents, file.path).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
