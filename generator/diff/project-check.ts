import { existsSync } from "node:fs";
import path from "node:path";
import { Project, ts } from "ts-morph";
import { COMPILER_OPTIONS } from "./compiler-options.js";
import type { CallSite } from "./report.js";

export interface ProjectCheckInput {
  projectDir: string;
  /** Where the user's imports expect the client (`generated/pylon`), relative to the working directory. */
  clientDir: string;
  /** Generated old client, or undefined when the API is new (every error then counts). */
  before: string | undefined;
  after: string;
}

/**
 * Type-checks the user's code twice, with imports of the client pointed at the old and at the new generated
 * version, and returns the diagnostics only the new version produces: the call sites the change breaks.
 */
export async function checkProject(input: ProjectCheckInput): Promise<CallSite[]> {
  const projectDir = path.resolve(input.projectDir);
  if (!existsSync(projectDir)) {
    throw new Error(
      `--project ${input.projectDir}: no such directory\n  → pass the folder holding the code that calls the client`,
    );
  }
  const baseline = input.before ? diagnose(projectDir, input.clientDir, input.before) : [];
  const known = new Set(baseline.map(key));
  return diagnose(projectDir, input.clientDir, input.after).filter((site) => !known.has(key(site)));
}

/** Same place, same kind of error: the message itself names the generated types and may differ between versions. */
const key = (site: CallSite) => `${site.file}:${site.line}:${site.column}:${site.code}`;

/** Type names print with the generated folder's temporary path (`import("/…/new/pylon/runtime/types.js").X`). */
function clean(message: string, generated: string): string {
  return message
    .replace(/import\("[^"]*"\)\./g, "")
    .split(generated)
    .join("<client>");
}

function diagnose(projectDir: string, clientDir: string, generated: string): CallSite[] {
  const clientRoot = path.resolve(clientDir);
  const tsconfig = path.join(projectDir, "tsconfig.json");
  const project = new Project({
    ...(existsSync(tsconfig) ? { tsConfigFilePath: tsconfig } : { compilerOptions: COMPILER_OPTIONS }),
    skipAddingFilesFromTsConfig: true,
    resolutionHost: (host, getOptions) => ({
      resolveModuleNames: (names, containingFile) =>
        names.map((name) => {
          const redirected = redirect(name, containingFile, clientRoot, generated);
          return ts.resolveModuleName(redirected, containingFile, getOptions(), host).resolvedModule;
        }),
    }),
  });
  project.addSourceFilesAtPaths([`${projectDir}/**/*.{ts,mts,cts,tsx}`, `!${projectDir}/**/node_modules/**`]);
  const inProject = (file: string) => !path.relative(projectDir, file).startsWith("..");
  const program = project.getProgram().compilerObject;
  const sites: CallSite[] = [];
  // Only the project's own files are checked (tsc's pre-emit diagnostics, file by file): a call site is reported
  // in the user's code, so checking the generated client's bodies (its runtime and validators) only cost time.
  for (const source of project.getSourceFiles()) {
    if (!inProject(source.getFilePath())) continue;
    for (const diagnostic of ts.getPreEmitDiagnostics(program, source.compilerNode)) {
      if (diagnostic.file !== source.compilerNode) continue;
      const { line, column } = source.getLineAndColumnAtPos(diagnostic.start ?? 0);
      sites.push({
        file: path.relative(projectDir, source.getFilePath()).split(path.sep).join("/"),
        line,
        column,
        code: diagnostic.code,
        message: clean(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0] ?? "", generated),
      });
    }
  }
  return sites.sort((a, b) =>
    a.file !== b.file
      ? a.file < b.file
        ? -1
        : 1
      : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1),
  );
}

/** A relative import that lands in the project's client folder is pointed at the same file of a generated version. */
function redirect(name: string, containingFile: string, clientRoot: string, generated: string): string {
  if (!name.startsWith(".")) return name;
  const target = path.resolve(path.dirname(containingFile), name);
  const relative = path.relative(clientRoot, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return name;
  const mapped = path.join(generated, relative);
  const fromHere = path.relative(path.dirname(containingFile), mapped).split(path.sep).join("/");
  return fromHere.startsWith(".") ? fromHere : `./${fromHere}`;
}
