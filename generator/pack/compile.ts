/**
 * Compiles one generated client folder to ESM JavaScript + .d.ts in memory (the writer puts them on disk), with the
 * TypeScript compiler the project already uses. Type errors stop the build: a package must not ship broken types.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type TypeScript from "typescript";
import type { EmittedFile } from "../emit/emitter.js";

/**
 * Loaded with require: `import` of this 9 MB CommonJS file goes through the ESM loader, which first scans it for
 * export names (cjs-module-lexer), and under tsx also through its hooks: ~1.5 s more than require (ADR 0152).
 */
const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

const OPTIONS: TypeScript.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  skipLibCheck: true,
  declaration: true,
  noEmitOnError: true,
  newLine: ts.NewLineKind.LineFeed,
};

/**
 * TypeScript's own lib.*.d.ts files, parsed once per process: `contactgen pack` compiles one program per API and
 * the libs (about 50,000 lines) are the same for every one of them, as they are for a language service.
 */
const LIB_DIR = path.dirname(ts.getDefaultLibFilePath(OPTIONS));
const libFiles = new Map<string, TypeScript.SourceFile>();

function compilerHost(options: TypeScript.CompilerOptions): TypeScript.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (path.dirname(fileName) !== LIB_DIR) return getSourceFile(fileName, language, onError, shouldCreate);
    const key = `${typeof language === "object" ? language.languageVersion : language}\0${fileName}`;
    let file = libFiles.get(key);
    if (!file) {
      file = getSourceFile(fileName, language, onError, shouldCreate);
      if (file) libFiles.set(key, file);
    }
    return file;
  };
  return host;
}

/** `dir`'s .ts files → `dist/**` (.js and .d.ts), paths relative to the package root. */
export function compileClient(dir: string, files: string[]): EmittedFile[] {
  const root = path.resolve(dir);
  const outDir = path.join(root, "__dist__");
  const options = { ...OPTIONS, rootDir: root, outDir };
  const program = ts.createProgram({
    rootNames: files.map((f) => path.join(root, f)),
    options,
    host: compilerHost(options),
  });
  const emitted: EmittedFile[] = [];
  const result = program.emit(undefined, (file, text) => {
    emitted.push({ path: `dist/${path.relative(outDir, file).split(path.sep).join("/")}`, contents: text });
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (diagnostics.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => "\n",
    };
    throw new Error(
      `${dir}: the generated client does not compile, so it cannot be packaged:\n${ts.formatDiagnostics(diagnostics.slice(0, 10), host)}`,
    );
  }
  return emitted.sort((a, b) => a.path.localeCompare(b.path));
}
