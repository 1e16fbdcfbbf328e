/** Generates a validators module from an in-memory OpenAPI document, writes it under .tmp/ and imports it. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generateValidators } from "../../generator/emit/validators/index.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { buildModel } from "../../generator/model/build.js";
import type { OperationValidators, Validator } from "../../generator/runtime/validation.js";

const OUT = path.resolve(import.meta.dirname, "../../.tmp/validators-tests");
const RUNTIME = path.resolve(import.meta.dirname, "../../generator/runtime");

/**
 * The runtime modules a validators.ts imports, as re-exports of generator/runtime (a generated client has copies),
 * so a module written anywhere under .tmp/ imports and type-checks.
 */
export function linkRuntime(dir: string): void {
  mkdirSync(path.join(dir, "runtime"), { recursive: true });
  for (const name of ["validation", "validator-engine", "formats", "re2-pattern"]) {
    const target = path
      .relative(path.join(dir, "runtime"), path.join(RUNTIME, `${name}.js`))
      .split(path.sep)
      .join("/");
    writeFileSync(path.join(dir, "runtime", `${name}.ts`), `export * from "${target}";\n`);
  }
}

export interface GeneratedValidators {
  code: string;
  schemaValidators: Record<string, Validator>;
  operationValidators: Record<string, OperationValidators>;
  module: Record<string, unknown>;
}

export function generateCode(doc: OpenApiDocument, name: string): string {
  const version = doc.openapi.startsWith("3.0") ? "3.0" : "3.1";
  const model = buildModel({ file: `${name}.yaml`, version, doc, warnings: [] }, name);
  return generateValidators(model, { typed: false });
}

export async function generateModule(doc: OpenApiDocument, name: string): Promise<GeneratedValidators> {
  const code = generateCode(doc, name);
  const dir = path.join(OUT, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "validators.ts");
  writeFileSync(file, code);
  linkRuntime(dir);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return {
    code,
    module,
    schemaValidators: module.schemaValidators as Record<string, Validator>,
    operationValidators: module.operationValidators as Record<string, OperationValidators>,
  };
}

export function openapi(version: "3.0.3" | "3.1.0", parts: Partial<OpenApiDocument>): OpenApiDocument {
  return { openapi: version, info: { title: `test ${version}`, version: "1" }, paths: {}, ...parts };
}
