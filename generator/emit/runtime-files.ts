/**
 * Emits `runtime/*.ts`: a verbatim copy of generator/runtime, so each generated client is self-contained (its only
 * package dependency is openapi-fetch, behind runtime/transport.ts). Reads the sources once per process.
 */
import { readdir, readFile } from "node:fs/promises";
import { generatorSource } from "./code.js";
import { defineEmitter, type CodeFile } from "./emitter.js";

const RUNTIME_DIR = new URL("../runtime/", import.meta.url);
let cached: Promise<CodeFile[]> | undefined;

export function runtimeSources(): Promise<CodeFile[]> {
  cached ??= (async () => {
    const names = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith(".ts")).sort();
    return Promise.all(
      names.map(async (n) => ({
        path: `runtime/${n}`,
        // contactgen's own source, never document text.
        contents: generatorSource((await readFile(new URL(n, RUNTIME_DIR), "utf8")).replace(/\r\n?/g, "\n")),
      })),
    );
  })();
  return cached;
}

export const runtimeEmitter = defineEmitter({
  name: "runtime",
  description: "runtime/*.ts: the client runtime, copied so each generated folder is self-contained",
  files: ["runtime/"],
  emit: async () => (await runtimeSources()).map((f) => ({ ...f })),
});
