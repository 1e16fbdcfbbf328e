import { readFileSync } from "node:fs";

/** The five vendor specs, read from generator.config.json so the tests follow the configured list. */
export const SPECS: readonly { name: string; spec: string }[] = (
  JSON.parse(readFileSync("generator.config.json", "utf8")) as { apis: { name: string; spec: string }[] }
).apis;
