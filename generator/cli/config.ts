/**
 * The one reader of generator.config.json for every command. The file is checked against
 * generator.config.schema.json, and every path in it is resolved against the folder of the config file (so
 * `--config other/dir/generator.config.json` works from anywhere), then shown relative to the working directory.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
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
  apis: ApiConfig[];
  packages: PackagesConfig;
}

interface RawConfig {
  out?: string;
  types?: TypesEngine;
  packages?: { out?: string; scope?: string; license?: string; repository?: string };
  apis: Array<{ name: string; spec: string; package?: string }>;
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
  return {
    file,
    out,
    ...(config.types ? { types: config.types } : {}),
    apis: config.apis.map((api) => ({
      name: api.name,
      spec: local(api.spec),
      out: path.join(out, api.name),
      packageName: api.package ?? `${scope ? `${scope}/` : ""}${api.name}-sdk`,
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
