/**
 * Legal TypeScript for every valid document (issue 10): schemas that contain themselves outside any object, and
 * tag/operation names in any script, generate code that compiles under the project's strict tsconfig; duplicate
 * operationIds (invalid OpenAPI) are refused naming both operations.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApi } from "../../generator/pipeline.js";
import { SpecError } from "../../generator/load/spec-error.js";
import { cleanupScratch, generateInto, scratchDir, typecheck } from "./helpers.js";

const ok = (schema: string) =>
  `        "200":\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;
const op = (p: string, id: string, tag: string, schema = "{type: string}") =>
  `  ${p}:\n    get:\n      operationId: ${JSON.stringify(id)}\n      tags: [${JSON.stringify(tag)}]\n      responses:\n${ok(schema)}`;

const SPEC = `openapi: 3.1.0
info: {title: legal, version: "1"}
paths:
${op("/a", "getA", "Café", '{$ref: "#/components/schemas/A"}')}${op("/c", "getC", "Zoë", '{$ref: "#/components/schemas/C"}')}${op("/zh", "获取联系人", "联系人")}${op("/ru", "получить", "контакты")}${op("/e1", "smile", "🙂")}${op("/e2", "rocket", "🚀")}${op("/h", "getH", "x", '{$ref: "#/components/schemas/H"}')}
components:
  schemas:
    A: {type: array, items: {$ref: "#/components/schemas/A"}}
    B: {type: array, items: {type: array, items: {$ref: "#/components/schemas/B"}}}
    C:
      oneOf:
        - type: string
        - {type: array, items: {$ref: "#/components/schemas/C"}}
    P: {type: array, items: {$ref: "#/components/schemas/Q"}}
    Q: {type: [array, "null"], items: {$ref: "#/components/schemas/P"}}
    H:
      allOf:
        - {$ref: "#/components/schemas/H"}
        - {type: object, properties: {a: {type: string}}}
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: "#/components/schemas/Tree"}}
`;

/** Compiled with the output: the recursive types keep their meaning. */
const USE = `import type { components } from "./types.js";
import { createLegalClient } from "./index.js";
type S = components["schemas"];
export const a: S["A"] = [[], [[]]];
export const c: S["C"] = ["x", ["y", []]];
export const p: S["P"] = [null, [[]]];
export const tree: S["Tree"] = { children: [{ children: [] }] };
// @ts-expect-error a string is not an A
export const notA: S["A"] = ["x"];
// @ts-expect-error a number is not a C
export const notC: S["C"] = [1];
const client = createLegalClient({ baseUrl: "http://127.0.0.1:1" });
export const groups = [client["café"].getA, client["zoë"].getC, client["联系人"]["获取联系人"], client["контакты"]["получить"], client._.smile, client._2.rocket];
`;

let spec: string;
beforeAll(async () => {
  spec = path.join(scratchDir("legal-spec"), "legal.yaml");
  await (await import("node:fs/promises")).mkdir(path.dirname(spec), { recursive: true });
  await writeFile(spec, SPEC);
});
afterAll(cleanupScratch);

describe("legal TypeScript", () => {
  it("native engine: recursive arrays become type aliases; every name stays distinct; the output compiles", async () => {
    const dir = await generateInto(spec, "legal");
    await writeFile(path.join(dir, "use.ts"), USE);
    const result = await typecheck(dir);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  }, 120_000);

  it("native engine prints only the recursive schemas differently", async () => {
    const { files } = await generateApi(spec, "legal", { only: ["types"] });
    const types = files.find((f) => f.path === "types.ts")?.contents ?? "";
    expect(types).toContain("        A: $Recursive_A;\n");
    expect(types).toContain("export type $Recursive_A = $Recursive_A[];\n");
    expect(types).toContain("export type $Recursive_C = string | $Recursive_C[];\n");
    expect(types).toContain("export type $Recursive_Q = $Recursive_P[] | null;\n");
    // A cycle through nothing but allOf has no type but unknown for the back-reference.
    expect(types).toMatch(/export type \$Recursive_H = unknown & \{/);
    expect(types).toContain('children?: components["schemas"]["Tree"][];');
  });

  it("openapi-typescript engine still prints them as indexed accesses TypeScript rejects (TS2502; documented)", async () => {
    const { files } = await generateApi(spec, "legal", { only: ["types"], types: "openapi-typescript" });
    expect(files.find((f) => f.path === "types.ts")?.contents).toContain('        A: components["schemas"]["A"][];\n');
  });
});

describe("duplicate operationIds", () => {
  it("are refused, naming both operations", async () => {
    const file = path.join(path.dirname(spec), "dup.yaml");
    await writeFile(
      file,
      `openapi: 3.1.0\ninfo: {title: d, version: "1"}\npaths:\n${op("/a", "getA", "x")}${op("/b/{id}", "getA", "y")}`,
    );
    const error = await generateApi(file, "dup").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(
      /dup\.yaml: operationId "getA" is used twice: at #\/paths\/~1a\/get and at #\/paths\/~1b~1\{id\}\/get .*\n {2}→ rename one/,
    );
  });
});
