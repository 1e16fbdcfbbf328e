/**
 * Compiles docs examples exactly as rendered, as virtual files in each set's `baseDir`, where the snippets' import
 * `./generated/<api>/index.js` resolves to real generated clients. All sets share one TypeScript program (building
 * a program is the expensive part), with the project's tsconfig.
 */
import path from "node:path";
import ts from "typescript";
import type { SiteFile } from "../../generator/docs/site.js";
import { ROOT } from "./build-helpers.js";

export interface ExampleSet {
  baseDir: string;
  files: SiteFile[];
}

/** Diagnostics per set, in the order given (empty arrays when everything compiles). */
export function compileExampleSets(sets: ExampleSet[]): string[][] {
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
  const named = sets.map((set) =>
    set.files.map((f) => [path.join(set.baseDir, `docs-example.${f.path.replace(/\//g, ".")}`), f.contents] as const),
  );
  const virtual = new Map(named.flat());
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
  return named.map((files) =>
    files.flatMap(([name]) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        const shown = path.basename(name).replace(/^docs-example\./, "");
        const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        return `${shown}:${where ? `${where.line + 1}:${where.character + 1}` : ""} ${message}`;
      }),
    ),
  );
}
