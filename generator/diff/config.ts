import { readFile } from "node:fs/promises";

export interface ApiEntry {
  name: string;
  spec: string;
}

/** Reads the API list from generator.config.json; the diff needs only names and spec paths. */
export async function readApis(configFile = "generator.config.json"): Promise<{ out: string; apis: ApiEntry[] }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(configFile, "utf8"));
  } catch (error) {
    throw new Error(
      `${configFile}: cannot read the API list (${(error as Error).message})\n  → run from the repository root`,
    );
  }
  const config = parsed as { out?: unknown; apis?: unknown };
  const apis = Array.isArray(config.apis)
    ? config.apis.filter((a): a is ApiEntry => typeof a?.name === "string" && typeof a?.spec === "string")
    : [];
  return { out: typeof config.out === "string" ? config.out : "generated", apis };
}

export async function findApi(name: string, configFile?: string): Promise<ApiEntry & { out: string }> {
  const { out, apis } = await readApis(configFile);
  const api = apis.find((a) => a.name === name);
  if (!api) {
    const known = apis.map((a) => a.name).join(", ") || "none";
    throw new Error(
      `unknown API "${name}" (generator.config.json lists: ${known})\n  → pass one of the configured names`,
    );
  }
  return { ...api, out };
}
