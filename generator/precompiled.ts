/**
 * Whether this code runs from the precompiled bundle (generator/precompile.mjs turns the `false` below into `true`
 * while bundling) or from the TypeScript sources through tsx.
 */
export const PRECOMPILED = false as boolean;

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
