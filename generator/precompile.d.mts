/** Types of generator/precompile.mjs (plain JavaScript: it runs before TypeScript support exists). */
export interface CurrentBuild {
  /** The build's folder under node_modules/.cache/contactgen/cli/. */
  dir: string;
  /** Input file (relative to the checkout) → [mtimeMs, size] when bundled, or null when it did not exist. */
  inputs: Record<string, [number, number] | null>;
}
export function readCurrent(): CurrentBuild | undefined;
export function isFresh(current: CurrentBuild | undefined): boolean;
export function buildCli(): Promise<string>;
export function compiledCli(): Promise<string | undefined>;
