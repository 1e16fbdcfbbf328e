/**
 * Emits `runtime/*.ts`: a verbatim copy of generator/runtime, so each generated client is self-contained (its only
 * package dependency is openapi-fetch, behind runtime/transport.ts). Reads the sources once per process.
 */
import { readdir, readFile } from "node:fs/promises";
import type { Emitter, EmittedFile } from "./emitter.js";

const RUNTIME_DIR = new URL("../runtime/", import.meta.url);
let cached: Promise<EmittedFile[]> | undefined;

export function runtimeSources(): Promise<EmittedFile[]> {
  cached ??= (async () => {
    const names = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith(".ts")).sort();
    return Promise.all(
      names.map(async (n) => ({
        path: `runtime/${n}`,
        contents: (await readFile(new URL(n, RUNTIME_DIR), "utf8")).replace(/\r\n?/g, "\n"),
      })),
    );
  })();
  return cached;
}

export const runtimeEmitter: Emitter = {
  name: "runtime",
  emit: async () => (await runtimeSources()).map((f) => ({ ...f })),
};
