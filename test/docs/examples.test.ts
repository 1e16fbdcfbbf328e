/**
 * Every TypeScript example the site shows compiles against the generated clients in generated/. The examples are
 * compiled exactly as rendered, as virtual files at the repository root, where the snippets' import
 * `./generated/<api>/index.js` resolves to the committed clients.
 */
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFile } from "../../generator/docs/site.js";
import type { ApiModel } from "../../generator/model/types.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";

let models: ApiModel[];
let examples: SiteFile[];

beforeAll(async () => {
  const site = await realSite();
  models = site.models;
  examples = site.files.filter((f) => f.path.startsWith("examples/") && f.path.endsWith(".ts"));
});

function compile(files: SiteFile[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const virtual = new Map(
    files.map((f) => [path.join(ROOT, `docs-example.${f.path.replace(/\//g, ".")}`), f.contents]),
  );
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text !== undefined
      ? ts.createSourceFile(name, text, language)
      : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: config.options, host });
  return [...virtual.keys()].flatMap((name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const shown = path.basename(name).replace(/^docs-example\./, "");
      return `${shown}:${where ? `${where.line + 1}:${where.character + 1}` : ""} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    }),
  );
}

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
