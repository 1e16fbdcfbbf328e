/** What both type-checkers (typecheck.ts on TypeScript 5.9, typecheck7.ts on TypeScript 7) select and run under. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The project's profiles: tsconfig.json (strict) and tsconfig.strictest.json (the claim for generated code). */
export type Profile = "tsconfig.json" | "tsconfig.strictest.json";

/** Every .ts file under `dir` (what `include: ["<dir>/**\/*.ts"]` selects). */
export function tsFilesUnder(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`no folder ${dir} to type-check`);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.split(path.sep).includes("node_modules"))
    .map((f) => path.join(dir, f))
    .sort();
}
