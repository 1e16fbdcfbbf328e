import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "@redocly/openapi-core";
import { createConfig } from "../openapi/redocly-config.js";
import { parse } from "yaml";
import { preloadedPlugin } from "./plugin.js";

/** The project's redocly.yaml, found next to the package root so the linter works from any working directory. */
export const DEFAULT_CONFIG = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));

const OWN_PLUGIN = /(^|[/\\])generator[/\\]lint[/\\](dist[/\\])?plugin\.(ts|js)$/;

export interface LintConfig {
  /** Config for a spec file: the `apis:` entry whose root is that file, else the top-level rules. */
  forFile(file: string): Config;
}

/**
 * Loads redocly.yaml with this project's plugin handed over as a ready object rather than by path, so the rules
 * that run are the TypeScript sources as they are now. The `plugins:` entry in redocly.yaml names their JavaScript
 * build (generator/lint/dist/), which stock Redocly (`npx redocly lint`) loads.
 */
export async function loadLintConfig(configPath: string = DEFAULT_CONFIG): Promise<LintConfig> {
  let raw: unknown;
  try {
    raw = parse(await readFile(configPath, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`${configPath}: cannot read the lint configuration (${reason}); restore redocly.yaml`);
  }
  const document = typeof raw === "object" && raw !== null ? { ...(raw as Record<string, unknown>) } : {};
  if (Array.isArray(document.plugins)) {
    document.plugins = document.plugins.filter((p) => !(typeof p === "string" && OWN_PLUGIN.test(p)));
  }
  const config = await createConfig(document, { configPath, plugins: [preloadedPlugin()] });
  const base = path.dirname(configPath);
  const roots = new Map<string, string>();
  const apis = document.apis;
  if (typeof apis === "object" && apis !== null) {
    for (const [alias, api] of Object.entries(apis as Record<string, { root?: unknown }>)) {
      if (typeof api?.root === "string") roots.set(path.resolve(base, api.root), alias);
    }
  }
  return { forFile: (file) => config.forAlias(roots.get(path.resolve(file))) };
}
