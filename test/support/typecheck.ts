/**
 * Type-checks generated code in this process with the TypeScript API: one program per output, as a user compiles
 * one SDK, under the project's tsconfig.json (strict) or tsconfig.strictest.json. What a child `tsc -p` paid on
 * every call (a node start, loading TypeScript, parsing ~100k lines of lib.*.d.ts and @types/node) is paid once per
 * worker: the declaration files under node_modules do not change during a run, so every program this worker builds
 * reuses their parsed SourceFiles, as a language service's document registry does. With vitest's `isolate: false`
 * the cache lives as long as the worker, across test files.
 *
 * Most checks of generated code run on TypeScript 7 instead (typecheck7.ts, ADR 0174); this one is for what stays on
 * 5.9: the five APIs' generated/ (strictest.test.ts) and the packed SDKs' consumer projects (test/pack).
 */
import path from "node:path";
import ts from "typescript";
import { type Profile, ROOT, tsFilesUnder } from "./ts-files.js";

export { type Profile, ROOT, tsFilesUnder };

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const parsed = new Map<string, ts.SourceFile>();
const options = new Map<Profile, ts.CompilerOptions>();

function readConfig(file: string): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    file,
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`${file} could not be read`);
  return config;
}

function optionsOf(profile: Profile): ts.CompilerOptions {
  let found = options.get(profile);
  if (!found) {
    found = readConfig(path.join(ROOT, profile)).options;
    options.set(profile, found);
  }
  return found;
}

/** One program over `rootNames`; its diagnostics as tsc prints them (`file(line,col): error TSnnnn: …`). */
export function typecheckFiles(rootNames: string[], profile: Profile = "tsconfig.json"): string[] {
  return check(rootNames, optionsOf(profile));
}

/** `tsc -p <tsconfig>` of any project (a user's, outside the checkout too), in-process, with the shared lib files. */
export function typecheckProject(tsconfig: string): string[] {
  const config = readConfig(tsconfig);
  if (config.errors.length > 0) return config.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return check(config.fileNames, config.options);
}

function check(rootNames: string[], compilerOptions: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(compilerOptions, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (!fileName.includes(NODE_MODULES)) return getSourceFile(fileName, language, onError, shouldCreate);
    // The parse depends on the language version and the module format the file is read in (ESM or CommonJS).
    const how = typeof language === "object" ? `${language.languageVersion}:${language.impliedNodeFormat}` : language;
    const key = `${how}\0${fileName}`;
    let file = parsed.get(key);
    if (!file) {
      file = getSourceFile(fileName, language, onError, shouldCreate);
      if (file) parsed.set(key, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames, options: compilerOptions, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const format: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  };
  return diagnostics.map((d) => ts.formatDiagnostic(d, format).trimEnd());
}

/** typecheckFiles over every .ts file under the given folders (one program). */
export function typecheckDirs(dirs: string[], profile: Profile = "tsconfig.json"): string[] {
  return typecheckFiles(dirs.flatMap(tsFilesUnder), profile);
}
