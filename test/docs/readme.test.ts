import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./build-helpers.js";
import { compileExampleSets } from "./compile-examples.js";

/** Every ```ts block of the README, so the front page never shows code that does not compile. */
async function readmeSnippets(): Promise<string[]> {
  const text = await readFile(path.join(ROOT, "README.md"), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("README", () => {
  it("has TypeScript examples, and each one compiles against the generated clients", async () => {
    const snippets = await readmeSnippets();
    expect(snippets.length).toBeGreaterThan(0);
    const files = snippets.map((contents, i) => ({ path: `readme-${i}.ts`, contents: `${contents}\nexport {};\n` }));
    const [diagnostics] = await compileExampleSets([{ baseDir: ROOT, files }]);
    expect(diagnostics).toEqual([]);
  });
});
