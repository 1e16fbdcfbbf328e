/**
 * load → (lint) → bundle → model → emit, in memory. The CLI, the tests and the benchmark share this; only the
 * writer touches the file system.
 */
import { escapeStrayControls } from "./emit/safe.js";
import type { Emitter, EmittedFile } from "./emit/emitter.js";
import { DEFAULT_EMITTERS, resolveEmitters, type EmitterEntry } from "./emit/registry.js";
import type { TypesEngine } from "./emit/types/index.js";
import { loadDocument, type LoadedDocument, type LoadOptions } from "./load/load.js";
import { assertUniqueOperationIds } from "./load/operation-ids.js";
import { SpecError } from "./load/spec-error.js";
import { buildModel } from "./model/build.js";
import type { ApiModel } from "./model/types.js";
import { isOffloaded, offloadEmitters } from "./parallel/host.js";

export interface GenerateOptions {
  /** The emitters to run (generator.config.json's `emitters`); default: types, client, validators, index, runtime. */
  emitters?: readonly EmitterEntry[];
  /** false drops the validators emitter (and with it the client's import of validators.ts). */
  validators?: boolean;
  /** Limit to these emitters (by name); the benchmark times types + client alone. */
  only?: string[];
  /** Which types.ts engine runs (default native; `openapi-typescript` stays selectable); wins over the entry's options. */
  types?: TypesEngine;
  /** Where `$ref`s may read from (sandbox; see generator/load/resolver.ts). */
  load?: LoadOptions;
}

export interface GeneratedApi {
  loaded: LoadedDocument;
  model: ApiModel;
  files: EmittedFile[];
}

/** The configured entries with the command-line overrides applied (`--types`, `validators: false`). */
export function emitterEntries(options: GenerateOptions = {}): EmitterEntry[] {
  const entries: EmitterEntry[] = (options.emitters ?? DEFAULT_EMITTERS).filter(
    (e) => !(options.validators === false && "name" in e && e.name === "validators"),
  );
  if (!options.types) return entries;
  return entries.map((e) =>
    "name" in e && e.name === "types" ? { ...e, options: { ...e.options, engine: options.types } } : e,
  );
}

/** The run's emitters; in the precompiled CLI the validators emitter's work goes to a worker thread (./parallel/). */
export async function emittersFor(options: GenerateOptions = {}): Promise<Emitter[]> {
  const entries = emitterEntries(options);
  const emitters = await resolveEmitters(entries, options.only ? { only: options.only } : {});
  return offloadEmitters(emitters, entries, options.only);
}

export async function emitAll(model: ApiModel, emitters: Emitter[]): Promise<EmittedFile[]> {
  // Worker-run emitters first: every other emitter runs synchronously on this thread once called.
  const order = [...emitters.filter(isOffloaded), ...emitters.filter((e) => !isOffloaded(e))];
  const files = (await Promise.all(order.map((e) => e.emit(model))))
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
