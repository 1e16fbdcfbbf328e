/** Reads the APIs to document from generator.config.json (`{ apis: [{ name, spec }] }`). */
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface DocsApi {
  name: string;
  spec: string;
}

const NAME = /^[a-z][a-z0-9-]*$/;

export async function readApis(configFile: string): Promise<DocsApi[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(configFile, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`${configFile}: cannot read the generator config (${reason}); it must be JSON like { "apis": [] }`);
  }
  const apis = (raw as { apis?: unknown }).apis;
  if (!Array.isArray(apis)) throw new Error(`${configFile}: "apis" must be an array of { "name", "spec" } entries`);
  const base = path.dirname(configFile);
  return apis.map((entry: unknown, i) => {
    const { name, spec } = (entry ?? {}) as { name?: unknown; spec?: unknown };
    if (typeof name !== "string" || !NAME.test(name) || typeof spec !== "string")
      throw new Error(
        `${configFile}: apis[${i}] needs "name" (lower-case letters, digits, dashes) and "spec" (a file path)`,
      );
    return { name, spec: path.relative(process.cwd(), path.resolve(base, spec)) || spec };
  });
}
