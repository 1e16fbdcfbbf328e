/**
 * The emitter registry: which definitions exist (built-in by name, user ones by module path), and how a configured
 * list becomes the emitters one run uses — options parsed, requirements and file ownership checked up front, before
 * any document is read. The pipeline knows no emitter by name; generator.config.json's `emitters` chooses them.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ApiModel } from "../model/types.js";
import { importModule } from "../precompiled.js";
import { owns, type AnyEmitterDefinition, type EmittedFile, type Emitter } from "./emitter.js";

/** One entry of the config's `emitters` list: a built-in by name, or a user module (absolute path once read). */
export type EmitterEntry =
  { name: string; options?: Record<string, unknown> } | { module: string; options?: Record<string, unknown> };

/** Built-in emitters, imported only when a run uses them. */
const BUILT_IN: Record<string, () => Promise<AnyEmitterDefinition>> = {
  types: async () => (await import("./types/index.js")).typesEmitter,
  client: async () => (await import("./client/index.js")).clientDefinition,
  validators: async () => (await import("./validators/index.js")).validatorsDefinition,
  index: async () => (await import("./index-file.js")).indexEmitter,
  runtime: async () => (await import("./runtime-files.js")).runtimeEmitter,
  "tanstack-query": async () => (await import("./tanstack/index.js")).tanstackQueryEmitter,
};

export const BUILT_IN_EMITTERS = Object.keys(BUILT_IN);

/** The set a config without `emitters` gets (the generated output of every earlier release). */
export const DEFAULT_EMITTERS: ReadonlyArray<{ name: string }> = Object.freeze(
  ["types", "client", "validators", "index", "runtime"].map((name) => ({ name })),
);

const label = (entry: EmitterEntry) => ("name" in entry ? `"${entry.name}"` : entry.module);

function isDefinition(value: unknown): value is AnyEmitterDefinition {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Partial<AnyEmitterDefinition>;
  return (
    typeof d.name === "string" &&
    typeof d.emit === "function" &&
    typeof d.parseOptions === "function" &&
    Array.isArray(d.files) &&
    Array.isArray(d.requires) &&
    Array.isArray(d.provides)
  );
}

export async function loadDefinition(entry: EmitterEntry): Promise<AnyEmitterDefinition> {
  if ("name" in entry) {
    const load = Object.hasOwn(BUILT_IN, entry.name) ? BUILT_IN[entry.name] : undefined;
    if (!load)
      throw new Error(
        `unknown emitter "${entry.name}" (built in: ${BUILT_IN_EMITTERS.join(", ")}; a user emitter is { "module": "./path.ts" })`,
      );
    return load();
  }
  let module: Record<string, unknown>;
  try {
    module = (await importModule(pathToFileURL(path.resolve(entry.module)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`emitter module ${entry.module} cannot be loaded: ${(error as Error).message}`, { cause: error });
  }
  if (!isDefinition(module.default))
    throw new Error(
      `emitter module ${entry.module} must export default defineEmitter({ ... }) (generator/emitter-api.ts)`,
    );
  return module.default;
}

/** Both claim the same file, or one claims a folder holding the other's file. */
function overlaps(a: string, b: string): boolean {
  return a === b || (a.endsWith("/") && b.startsWith(a)) || (b.endsWith("/") && a.startsWith(b));
}

function checkSet(defs: readonly AnyEmitterDefinition[]): void {
  const names = new Set(defs.map((d) => d.name));
  const twice = defs.find((d, i) => defs.findIndex((o) => o.name === d.name) !== i);
  if (twice) throw new Error(`emitter "${twice.name}" is listed twice`);
  for (const [i, d] of defs.entries()) {
    const missing = d.requires.filter((r) => !names.has(r));
    if (missing.length > 0)
      throw new Error(`emitter "${d.name}" requires ${missing.map((m) => `"${m}"`).join(", ")}: add it to emitters`);
    for (const other of defs.slice(i + 1)) {
      const clash = d.files.find((f) => other.files.some((g) => overlaps(f, g)));
      if (clash !== undefined) throw new Error(`emitters "${d.name}" and "${other.name}" both claim ${clash}`);
    }
  }
}

function instance(def: AnyEmitterDefinition, options: unknown, provided: (capability: string) => boolean): Emitter {
  return {
    name: def.name,
    async emit(model: ApiModel): Promise<EmittedFile[]> {
      const files = await def.emit({ model, options, provided });
      const stray = files.find((f) => !owns(def.files, f.path));
      if (stray) throw new Error(`emitter "${def.name}" wrote ${stray.path}, which is not among its files`);
      return files;
    },
  };
}

export interface ResolveOptions {
  /** Keep only these emitters after the checks (the benchmark times types + client alone). */
  only?: readonly string[];
}

/** Configured entries → emitters for one run, in config order. Every problem is reported before any emitting. */
export async function resolveEmitters(
  entries: readonly EmitterEntry[],
  options: ResolveOptions = {},
): Promise<Emitter[]> {
  const defs = await Promise.all(entries.map(loadDefinition));
  return resolveEmittersFrom(
    defs,
    entries.map((e) => e.options),
    options,
    entries.map((e) => label(e)),
  );
}

/** Definitions (with their raw options, by position) → checked emitters; what resolveEmitters does after loading. */
export async function resolveEmittersFrom(
  defs: readonly AnyEmitterDefinition[],
  rawOptions: ReadonlyArray<Record<string, unknown> | undefined> = [],
  options: ResolveOptions = {},
  labels: readonly string[] = defs.map((d) => `"${d.name}"`),
): Promise<Emitter[]> {
  const parsed = defs.map((def, i) => {
    try {
      return def.parseOptions(rawOptions[i] ?? {});
    } catch (error) {
      throw new Error(`emitter ${labels[i] ?? def.name}: ${(error as Error).message}`, { cause: error });
    }
  });
  if (!options.only) checkSet(defs);
  const capabilities = new Set(defs.flatMap((d) => d.provides));
  const provided = (capability: string) => capabilities.has(capability);
  const emitters = defs.map((def, i) => instance(def, parsed[i], provided));
  return options.only ? emitters.filter((e) => options.only?.includes(e.name)) : emitters;
}
