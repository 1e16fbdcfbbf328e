import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Project } from "ts-morph";
import { generateApi } from "../pipeline.js";
import { COMPILER_OPTIONS } from "./compiler-options.js";
import { checkProject } from "./project-check.js";
import type { CallSite, SurfaceChange } from "./report.js";
import { compareSurfaces } from "./surface-compare.js";
import { extractSurface } from "./surface.js";

export interface ConsumerInput {
  api: string;
  /** The spec at the base ref; absent when the API is new. */
  oldSpec?: string;
  newSpec: string;
  /** Where the project keeps this API's generated client (`generated/pylon`): the user's imports of it are
   * pointed at each generated version in turn. */
  clientDir: string;
  project?: string;
}

/**
 * Generates the client for both versions with the generator's own pipeline, compares their exported surfaces and,
 * with a project, lists the call sites that compile against the old client and not against the new one.
 * Work files live under node_modules/.cache so the generated code resolves the project's dependencies.
 */
export async function compareClients(
  input: ConsumerInput,
): Promise<{ surface: SurfaceChange[]; callSites?: CallSite[] }> {
  const cache = path.resolve("node_modules/.cache/contactgen");
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(path.join(cache, "diff-"));
  try {
    const oldDir = path.join(work, "old", input.api);
    const newDir = path.join(work, "new", input.api);
    await writeClient(input.oldSpec, input.api, oldDir);
    await writeClient(input.newSpec, input.api, newDir);
    const project = new Project({ compilerOptions: COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
    const oldIndex = input.oldSpec ? project.addSourceFileAtPath(path.join(oldDir, "index.ts")) : undefined;
    const newIndex = project.addSourceFileAtPath(path.join(newDir, "index.ts"));
    project.resolveSourceFileDependencies();
    const before = oldIndex ? extractSurface(oldIndex) : new Map();
    const surface = compareSurfaces(project, before, extractSurface(newIndex));
    if (!input.project) return { surface };
    const callSites = await checkProject({
      projectDir: input.project,
      clientDir: input.clientDir,
      before: input.oldSpec ? oldDir : undefined,
      after: newDir,
    });
    return { surface, callSites };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function writeClient(spec: string | undefined, api: string, dir: string): Promise<void> {
  if (!spec) return;
  const { files } = await generateApi(spec, api);
  for (const file of files) {
    const target = path.join(dir, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.contents);
  }
}
