/**
 * File order: the files that take longest on one core start first, so the two workers end together instead of
 * one finishing a long file alone at the end. vitest's own order (longest first from its results cache, else
 * largest file first) decides the rest; on a fresh clone it has no cache, and a short file such as corpus.test.ts
 * (a minute of type-checking) would start late. Keep this list to the ten or so heaviest files of the summary's
 * "most CPU" list.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The corpus files' type-checks moved to TypeScript 7 (ADR 0174): about 8 CPU-s each instead of 22-25, so they no
// longer lead; strictest.test.ts, which parses the lib files for TypeScript 5.9, now weighs more than they do.
const FIRST = [
  "test/ci/workflows.test.ts",
  "test/docs/browser.test.ts",
  "test/generator/strictest.test.ts",
  "test/pack/pack.test.ts",
  "test/generator/corpus-openai.test.ts",
  "test/generator/corpus-stripe.test.ts",
  "test/diff/consumer.test.ts",
  "test/mock/corpus.test.ts",
  "test/conformance/conformance.test.ts",
  "test/diff/cli.test.ts",
  "test/generator/types-large.test.ts",
  "test/generator/corpus.test.ts",
  "test/validators/json-schema-test-suite.test.ts",
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = FIRST.indexOf(path.relative(process.cwd(), file.moduleId).split(path.sep).join("/"));
      return index < 0 ? FIRST.length : index;
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
