/**
 * The one reader of generator.config.json for every command. The file is checked against
 * generator.config.schema.json, and every path in it is resolved against the folder of the config file (so
 * `--config other/dir/generator.config.json` works from anywhere), then shown relative to the working directory.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_EMITTERS, type EmitterEntry } from "../emit/registry.js";
import type { TypesEngine } from "../emit/types/index.js";
import { UsageError } from "./args.js";
import { checkConfig } from "./config-schema.js";

export const DEFAULT_CONFIG = "generator.config.json";

export interface ApiConfig {
  name: string;
  /** The OpenAPI document, relative to the working directory. */
  spec: string;
  /** This API's output folder (`<out>/<name>`), relative to the working directory. */
  out: string;
  /** npm package name of the SDK (`contactgen pack`). */
  packageName: string;
  /** The emitters this API runs: the top-level list plus its `addEmitters` (module paths resolved, cwd-relative). */
  emitters: EmitterEntry[];
}

export interface PackagesConfig {
  out: string;
  license: string;
  repository?: string;
}

export interface ContactgenConfig {
  file: string;
  /** The folder holding one output folder per API, relative to the working directory. */
  out: string;
  types?: TypesEngine;
  /** The top-level `emitters` (default: the core set). */
  emitters: EmitterEntry[];
  apis: ApiConfig[];
  packages: PackagesConfig;
}

type RawEntry = { name?: string; module?: string; options?: Record<string, unknown> };

interface RawConfig {
  out?: string;
  types?: TypesEngine;
  emitters?: RawEntry[];
  packages?: { out?: string; scope?: string; license?: string; repository?: string };
  apis: Array<{ name: string; spec: string; package?: string; addEmitters?: RawEntry[] }>;
}

/** An entry names a built-in or a module, never both; module paths are resolved against the config's folder. */
function emitterEntry(raw: RawEntry, where: string, local: (p: string) => string): EmitterEntry {
  const options = raw.options ? { options: raw.options } : {};
  if (raw.name !== undefined && raw.module === undefined) return { name: raw.name, ...options };
  if (raw.module !== undefined && raw.name === undefined) return { module: local(raw.module), ...options };
  throw new UsageError(
    `${where}: give exactly one of "name" (a built-in emitter) and "module" (a user emitter)`,
    false,
  );
}

export async function readConfig(file: string = DEFAULT_CONFIG): Promise<ContactgenConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      `${file}: cannot read the contactgen config (${reason}); run in the project folder or pass --config FILE`,
      false,
    );
  }
  const problems = checkConfig(raw);
  if (problems.length > 0)
    throw new UsageError(`${file}: ${problems.join("; ")} (schema: generator.config.schema.json)`, false);
  const config = raw as RawConfig;
  const seen = new Set<string>();
  for (const [i, api] of config.apis.entries()) {
    if (seen.has(api.name)) throw new UsageError(`${file}: apis[${i}].name: "${api.name}" is listed twice`, false);
    seen.add(api.name);
  }
  const base = path.dirname(file);
  const local = (p: string): string => path.relative(process.cwd(), path.resolve(base, p)) || ".";
  const out = local(config.out ?? "generated");
  const scope = config.packages?.scope;
  const emitters = config.emitters
    ? config.emitters.map((e, i) => emitterEntry(e, `${file}: emitters[${i}]`, local))
    : [...DEFAULT_EMITTERS];
  return {
    file,
    out,
    ...(config.types ? { types: config.types } : {}),
    emitters,
    apis: config.apis.map((api, a) => ({
      name: api.name,
      spec: local(api.spec),
      out: path.join(out, api.name),
      packageName: api.package ?? `${scope ? `${scope}/` : ""}${api.name}-sdk`,
      emitters: [
        ...emitters,
        ...(api.addEmitters ?? []).map((e, i) => emitterEntry(e, `${file}: apis[${a}].addEmitters[${i}]`, local)),
      ],
    })),
    packages: {
      out: local(config.packages?.out ?? "packages"),
      license: config.packages?.license ?? "UNLICENSED",
      ...(config.packages?.repository ? { repository: config.packages.repository } : {}),
    },
  };
}

/** The configured API called `name`, or a usage error listing the configured names. */
export function findApi(config: ContactgenConfig, name: string): ApiConfig {
  const api = config.apis.find((a) => a.name === name);
  if (!api) {
    const known = config.apis.map((a) => a.name).join(", ") || "none";
    throw new UsageError(`unknown API "${name}" (${config.file} lists: ${known})`);
  }
  return api;
}
