/**
 * The generator's hostile fixture (test/fixtures/hostile.yaml: `*\/`, backticks, `${`, `</script>`, U+2028,
 * `constructor`, `__proto__`, reserved words in every name) through both the client generator and the docs: every
 * docs example compiles against that generated client, and the page stays inert.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSite, type SiteFile } from "../../generator/docs/site.js";
import { loadTemplates } from "../../generator/docs/templates.js";
import type { ApiModel } from "../../generator/model/types.js";
import { generateApi } from "../../generator/pipeline.js";
import { writeOutputs } from "../../generator/write/write.js";
import { ROOT } from "./build-helpers.js";
import { compileExamples } from "./compile-examples.js";

const FIXTURE = path.join(ROOT, "test/fixtures/hostile.yaml");
// Inside the project so the generated runtime resolves openapi-fetch from node_modules.
const BASE = path.join(ROOT, ".tmp", "test-out", `docs-hostile-${process.pid}`);

let model: ApiModel;
let files: SiteFile[];

beforeAll(async () => {
  const generated = await generateApi(FIXTURE, "hostile", { validators: false });
  model = generated.model;
  await writeOutputs([{ dir: path.join(BASE, "generated", "hostile"), files: generated.files }]);
  files = renderSite([model], await loadTemplates());
});

afterAll(async () => {
  await rm(BASE, { recursive: true, force: true });
});

describe("docs for the generator's hostile fixture", () => {
  it("shows an example for every operation, and every example compiles against the hostile client", () => {
    const examples = files.filter((f) => f.path.endsWith(".ts"));
    expect(examples.length).toBe(model.operations.length + 1);
    expect(compileExamples(examples, BASE)).toEqual([]);
  });

  it("renders no tag the templates did not write and no event handler attribute", () => {
    for (const file of files.filter((f) => f.path.endsWith(".html"))) {
      expect(file.contents, file.path).not.toMatch(/<(script|img|iframe|svg|object|embed|style|base)\b/i);
      expect(file.contents, file.path).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
