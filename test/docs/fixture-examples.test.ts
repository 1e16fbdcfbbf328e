/**
 * Fixture specs through both the client generator and the docs: every docs example compiles against the client
 * generated from the same spec, and the pages stay inert.
 * - test/fixtures/hostile.yaml (the generator's): `*\/`, backticks, `${`, `</script>`, U+2028, `constructor`,
 *   `__proto__` and reserved words in every name.
 * - test/fixtures/docs-shapes.yaml: a relative server URL, security alternatives (basic or bearer) and anonymous
 *   operations, required query/header parameters that are not hoisted, array and optional bodies, an untagged
 *   operation, `exclusiveMinimum` 3.0-style, `allOf`-wrapped enums.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSite } from "../../generator/docs/site.js";
import { loadTemplates } from "../../generator/docs/templates.js";
import { generateApi } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { ROOT } from "./build-helpers.js";
import { compileExamples } from "./compile-examples.js";

// Inside the project so the generated runtime resolves openapi-fetch from node_modules.
const BASE = path.join(ROOT, ".tmp", "test-out", `docs-fixtures-${process.pid}`);

afterAll(async () => {
  await rm(BASE, { recursive: true, force: true });
});

describe.each([
  ["hostile", "test/fixtures/hostile.yaml"],
  ["shapes", "test/fixtures/docs-shapes.yaml"],
])("docs for fixture %s", (name, spec) => {
  it("shows an example for every operation, and every example compiles against that fixture's client", async () => {
    const generated = await generateApi(path.join(ROOT, spec), name, { validators: false });
    const base = path.join(BASE, name);
    await writeOutputs([{ dir: path.join(base, "generated", name), files: generated.files }]);
    const files = renderSite([generated.model], await loadTemplates());
    const examples = files.filter((f) => f.path.endsWith(".ts"));
    expect(examples.length).toBe(generated.model.operations.length + 1);
    expect(compileExamples(examples, base)).toEqual([]);
    for (const file of files.filter((f) => f.path.endsWith(".html"))) {
      expect(file.contents, file.path).not.toMatch(/<(script|img|iframe|svg|object|embed|style|base)\b/i);
      expect(file.contents, file.path).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
