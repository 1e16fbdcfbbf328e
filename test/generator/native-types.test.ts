/**
 * The native types emitter against openapi-typescript (the engine it replaces by default): for every document
 * below, the whole corpus included, the texts differ only as listed. For all but Stripe and OpenAI, every
 * component and every operation's parameters / requestBody / responses type from one is also assignable to the
 * other's and back (one tsc run over generated checker files): that guards the listed differences. Stripe and
 * OpenAI are compared in types-large.test.ts, loaded once for this comparison and the seam's.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNativeTypes } from "../../generator/emit/types/native/index.js";
import { renderTypes } from "../../generator/emit/types/openapi-typescript.js";
import { stringLiteral } from "../../generator/emit/safe.js";
import { loadDocument } from "../../generator/load/load.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { cleanupScratch, scratchDir, typecheck } from "./helpers.js";
import { asReference } from "./native-intended.js";
import { CORPUS, corpusDocuments, LARGE_CORPUS, NO_CORPUS } from "../support/shared.js";

const OWN = [
  "specs/ctrlhub/openapi.yaml",
  "specs/emnify/openapi.yaml",
  "specs/kare/openapi.yaml",
  "specs/piriod/openapi.yaml",
  "specs/pylon/openapi.yaml",
  "test/fixtures/hostile.yaml",
  // Discriminators, WithRequired, type arrays with oneOf, pattern/additional properties, $defs, tuples, webhooks,
  // path items by $ref, header content, parameter overrides, boolean schemas.
  "test/fixtures/types-tricky.yaml",
];
const CORPUS_FILES = corpusDocuments();
const DOCUMENTS = [...OWN, ...CORPUS_FILES.filter((f) => !LARGE_CORPUS.has(f)).map((f) => path.join(CORPUS, f))];

const COMPONENT_GROUPS = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Rendered {
  file: string;
  native: string;
  reference: string;
  doc: OpenApiDocument;
}

const rendered: Rendered[] = [];
let dir: string;

/** `export const cN: Same<A.x, B.x> = true;` for each type both files must agree on. */
function checker(doc: OpenApiDocument): string {
  const index = (...keys: string[]) => keys.map((k) => `[${stringLiteral(k)}]`).join("");
  const types: string[] = [];
  const components = (doc.components ?? {}) as Record<string, unknown>;
  for (const group of COMPONENT_GROUPS) {
    for (const name of Object.keys((components[group] as object | undefined) ?? {})) {
      types.push(`components${index(group, name)}`);
    }
  }
  for (const root of ["paths", "webhooks"] as const) {
    for (const [url, item] of Object.entries((doc[root] as Record<string, object> | undefined) ?? {})) {
      for (const method of METHODS.filter((m) => m in item)) {
        for (const part of ["parameters", "requestBody", "responses"]) types.push(`${root}${index(url, method, part)}`);
      }
    }
  }
  return [
    'import type * as A from "./reference.js";',
    'import type * as B from "./native.js";',
    "type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;",
    ...types.map((t, i) => `export const c${i}: Same<A.${t}, B.${t}> = true;`),
    "",
  ].join("\n");
}

beforeAll(async () => {
  dir = scratchDir("native-types");
  for (const [i, file] of DOCUMENTS.entries()) {
    const { doc } = await loadDocument(file);
    const entry = { file, doc, native: renderNativeTypes(doc), reference: renderTypes(doc) };
    rendered.push(entry);
    const sub = path.join(dir, String(i));
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, "native.ts"), entry.native);
    await writeFile(path.join(sub, "reference.ts"), entry.reference);
    await writeFile(path.join(sub, "check.ts"), checker(doc));
  }
}, 180_000);

afterAll(cleanupScratch);

describe("native types emitter", () => {
  it("covers our specs, the fixtures and every corpus document", () => {
    expect(rendered).toHaveLength(DOCUMENTS.length);
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(OWN.length + (NO_CORPUS ? 0 : 5));
    for (const entry of rendered) expect(entry.native, entry.file).toContain("export interface components");
  });

  it("agrees with openapi-typescript on every component and operation type (mutually assignable)", async () => {
    const result = await typecheck(dir);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  }, 180_000);

  it.each(DOCUMENTS)("differs from openapi-typescript's text only as listed: %s", (file) => {
    const entry = rendered.find((r) => r.file === file);
    expect(entry?.reference.length).toBeGreaterThan(0);
    expect(asReference(entry?.native ?? "")).toBe(entry?.reference);
  });
});
