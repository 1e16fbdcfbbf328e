/**
 * Whether this code runs from the precompiled bundle or from the TypeScript sources through tsx:
 * generator/precompile.mjs sets both constants below while bundling.
 */
export const PRECOMPILED = false as boolean;
/** The bundle's folder (a file URL ending in `/`), for the worker entry built next to it; undefined in the sources. */
export const BUNDLE_DIR = undefined as string | undefined;

let tsx: Promise<unknown> | undefined;

/**
 * `import()` for a module named at run time (a user's emitter): a TypeScript file needs tsx, which the sources run
 * under anyway and the precompiled bundle registers here, on first need only (it costs ~0.3 s).
 */
export async function importModule(url: string): Promise<unknown> {
  if (PRECOMPILED && /\.[cm]?tsx?$/.test(new URL(url).pathname)) {
    tsx ??= import("tsx/esm/api").then((api) => api.register());
    await tsx;
  }
  return import(url);
}
