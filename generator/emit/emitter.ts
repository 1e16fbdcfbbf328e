/**
 * The emitter contract. Every output (core or user) is an `EmitterDefinition` made with `defineEmitter`: a name,
 * what it requires and provides, its options and the files it owns, and `emit`, which turns the model into files
 * built with the `ts` tag (generator/emit/code.ts). Emitters never touch the file system; the writer owns that.
 * Registry and selection: ./registry.ts. How to write one: ARCHITECTURE.md and docs/decisions/0135-emitter-registry.md.
 */
import type { ApiModel } from "../model/types.js";
import type { Code } from "./code.js";

/** One output file, relative to the API's output folder, always with posix separators (what the writer takes). */
export interface EmittedFile {
  path: string;
  contents: string;
}

/** What an emitter definition returns: TypeScript built from Code, so a plain string is a type error. */
export interface CodeFile extends EmittedFile {
  contents: Code;
}

/** A resolved emitter as the pipeline runs it (also the shape client and validators still export themselves). */
export interface Emitter {
  name: string;
  emit(model: ApiModel): Promise<EmittedFile[]>;
}

/** What `emit` receives. */
export interface EmitterContext<Options> {
  model: ApiModel;
  /** This emitter's options from the config, as `parseOptions` returned them. */
  options: Options;
  /** Whether an emitter in this run provides a capability (e.g. "operation-validators"). */
  provided(capability: string): boolean;
}

export interface EmitterDefinition<Options = Record<string, never>> {
  /** Unique, kebab-case (`tanstack-query`): the name used in generator.config.json. */
  name: string;
  /** One line for `--help`-style listings and error messages. */
  description: string;
  /** Emitters that must run in the same set (their files are imported by this one's). */
  requires: readonly string[];
  /** Capabilities other emitters may ask for through `ctx.provided` (instead of probing files or exports). */
  provides: readonly string[];
  /**
   * The files this emitter owns: exact paths (`client.ts`) or folder prefixes ending in `/` (`runtime/`). Writing
   * anything else is an error, and two emitters in one set may not claim the same path.
   */
  files: readonly string[];
  /** Checks and defaults the config's `options` object; throw an Error saying what to fix. */
  parseOptions(raw: Readonly<Record<string, unknown>>): Options;
  emit(ctx: EmitterContext<Options>): CodeFile[] | Promise<CodeFile[]>;
}

/** The type of any definition, whatever its options (the registry stores these). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- options are checked by each definition's parseOptions
export type AnyEmitterDefinition = EmitterDefinition<any>;

export interface EmitterInput<Options> {
  name: string;
  description: string;
  requires?: readonly string[];
  provides?: readonly string[];
  files: readonly string[];
  parseOptions?: (raw: Readonly<Record<string, unknown>>) => Options;
  emit(ctx: EmitterContext<Options>): CodeFile[] | Promise<CodeFile[]>;
}

const NAME = /^[a-z][a-z0-9-]*$/;

function noOptions(raw: Readonly<Record<string, unknown>>): Record<string, never> {
  const keys = Object.keys(raw);
  if (keys.length > 0) throw new Error(`takes no options (got ${keys.join(", ")})`);
  return {};
}

/** The one way to declare an emitter, for the core ones and for user modules alike. */
export function defineEmitter<Options = Record<string, never>>(
  input: EmitterInput<Options>,
): EmitterDefinition<Options> {
  if (!NAME.test(input.name)) throw new Error(`defineEmitter: name "${input.name}" must be kebab-case (a-z, 0-9, -)`);
  if (input.files.length === 0) throw new Error(`defineEmitter(${input.name}): declare the files it owns`);
  for (const file of input.files) {
    if (file === "" || file.startsWith("/") || file.split("/").includes(".."))
      throw new Error(`defineEmitter(${input.name}): "${file}" is not a relative path inside the output folder`);
  }
  return Object.freeze({
    name: input.name,
    description: input.description,
    requires: Object.freeze([...(input.requires ?? [])]),
    provides: Object.freeze([...(input.provides ?? [])]),
    files: Object.freeze([...input.files]),
    parseOptions: input.parseOptions ?? (noOptions as unknown as (raw: Readonly<Record<string, unknown>>) => Options),
    emit: input.emit,
  });
}

/** Whether `path` is one of the declared files or under a declared folder. */
export function owns(files: readonly string[], path: string): boolean {
  return files.some((f) => (f.endsWith("/") ? path.startsWith(f) : path === f));
}
