/**
 * load → (lint) → bundle → model → emit, in memory. The CLI, the tests and the benchmark share this; only the
 * writer touches the file system.
 */
import { existsSync } from "node:fs";
import { clientEmitter } from "./emit/client/index.js";
import { escapeStrayControls } from "./emit/safe.js";
import type { Emitter, EmittedFile } from "./emit/emitter.js";
import { indexEmitter } from "./emit/index-file.js";
import { runtimeEmitter } from "./emit/runtime-files.js";
import { typesEmitter, type TypesEngine } from "./emit/types/index.js";
import { loadDocument, type LoadedDocument, type LoadOptions } from "./load/load.js";
import { assertUniqueOperationIds } from "./load/operation-ids.js";
import { SpecError } from "./load/spec-error.js";
import { buildModel } from "./model/build.js";
import type { ApiModel } from "./model/types.js";

export interface GenerateOptions {
  /** Add the validators emitter (and the client's import of validators.ts) when it is available. */
  validators?: boolean;
  /** Limit to these emitters (by name); the benchmark times types + client alone. */
  only?: string[];
  /** Which types.ts engine runs (default native; `openapi-typescript` stays selectable). */
  types?: TypesEngine;
  /** Where `$ref`s may read from (sandbox; see generator/load/resolver.ts). */
  load?: LoadOptions;
}

export interface GeneratedApi {
  loaded: LoadedDocument;
  model: ApiModel;
  files: EmittedFile[];
}

/** The validators emitter belongs to another module; it joins the pipeline once its index exists. */
async function loadValidatorsEmitter(): Promise<Emitter | undefined> {
  const candidates = ["./emit/validators/index.ts", "./emit/validators/index.js"];
  const present = candidates.find((c) => existsSync(new URL(c, import.meta.url)));
  if (!present) return undefined;
  const specifier = "./emit/validators/index.js";
  const module = (await import(specifier)) as Record<string, unknown>;
  return Object.values(module).find(
    (value): value is Emitter =>
      typeof value === "object" && value !== null && (value as Emitter).name === "validators" && "emit" in value,
  );
}

export async function emittersFor(options: GenerateOptions = {}): Promise<Emitter[]> {
  const validators = options.validators === false ? undefined : await loadValidatorsEmitter();
  const withValidators = validators !== undefined;
  const all = [
    typesEmitter(options.types),
    clientEmitter({ withValidators }),
    indexEmitter({ withValidators }),
    runtimeEmitter,
    ...(validators ? [validators] : []),
  ];
  return options.only ? all.filter((e) => options.only?.includes(e.name)) : all;
}

export async function emitAll(model: ApiModel, emitters: Emitter[]): Promise<EmittedFile[]> {
  const files = (await Promise.all(emitters.map((e) => e.emit(model))))
    .flat()
    .map((f) => ({ ...f, contents: escapeStrayControls(f.contents) }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function generateApi(spec: string, name: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const loaded = await loadDocument(spec, options.load);
  return generateLoaded(loaded, name, await emittersFor(options));
}

/**
 * model → emit for a loaded document. The loader caps nesting, but recursion in a model or emitter step can still
 * exhaust the stack on a legal document; that ends in a SpecError naming the file, never a raw RangeError.
 */
export async function generateLoaded(loaded: LoadedDocument, name: string, emitters: Emitter[]): Promise<GeneratedApi> {
  assertUniqueOperationIds(loaded);
  try {
    const model = buildModel(loaded, name);
    const files = await emitAll(model, emitters);
    return { loaded, model, files };
  } catch (error) {
    if (error instanceof SpecError) throw error;
    // The loader tolerates schema problems real documents carry (they are warnings); an emitter that cannot use
    // one reports it here, as a SpecError with its reason (the original error stays as `cause` for a bug report).
    const failure =
      error instanceof RangeError
        ? new SpecError(
            loaded.file,
            `too deeply nested or recursive to generate from (${error.message})`,
            "move deeply nested inline schemas into components/schemas and refer to them with $ref",
          )
        : new SpecError(
            loaded.file,
            `cannot generate from this document: ${error instanceof Error ? error.message : String(error)}`,
            "fix the document at the location named (see the loader's warnings); if it is valid OpenAPI, report it as a generator bug",
          );
    throw Object.assign(failure, { cause: error });
  }
}
