/**
 * `../shared` beside the checkout (CI clones main with shared/ next to it), never an absolute machine path.
 *
 * A clone without `../shared` still runs `npm test`: the tests that need it are declared with
 * `it.skipIf(NO_CORPUS)` / `describe.skipIf(NO_SUITE)` and the reason is printed once per file. Under CI (the `CI`
 * environment variable set) a missing folder is an error instead, so a pipeline can never go green by skipping.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

// CONTACTGEN_SHARED points elsewhere (or nowhere: how the no-shared behaviour is tried without moving the folder).
export const SHARED = path.resolve(process.env.CONTACTGEN_SHARED ?? path.join(import.meta.dirname, "../../../shared"));
export const CORPUS = path.join(SHARED, "corpus");
export const SUITE = path.join(SHARED, "json-schema-test-suite");

/**
 * The corpus as the README describes it. A listing that lost one of these (a renamed file, a bad filter) fails
 * instead of quietly testing less.
 */
export const CORPUS_DOCUMENTS = [
  "oai-petstore.v3.0.yaml",
  "oai-tictactoe.v3.1.yaml",
  "oai-webhook-example.v3.1.json",
  "openai-openapi.v3.1.yaml",
  "redocly-museum.v3.1.yaml",
  "stripe-spec3.json",
  "twilio-messaging-v1.json",
] as const;
export const LARGE_CORPUS = new Set<string>(["openai-openapi.v3.1.yaml", "stripe-spec3.json"]);

/** True (and the reason printed) when `dir` is missing; throws under CI, where missing inputs are a failure. */
export function missing(dir: string, what: string): boolean {
  if (existsSync(dir)) return false;
  const reason = `${what} not found at ${dir}: clone the shared folder beside the checkout (../shared)`;
  if (process.env.CI) throw new Error(`${reason}. CI must not skip these tests.`);
  console.warn(`skipped: ${reason}`);
  return true;
}

export const NO_CORPUS = missing(CORPUS, "the corpus");

/**
 * Every OpenAPI document in the corpus, sorted; [] when the corpus is absent (the tests are then skipped).
 * Throws when a document the README names is missing, so a listing can never shrink unnoticed.
 */
export function corpusDocuments(): string[] {
  if (NO_CORPUS) return [];
  const files = readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  const lost = CORPUS_DOCUMENTS.filter((f) => !files.includes(f));
  if (lost.length > 0) throw new Error(`${CORPUS}: expected corpus documents are missing: ${lost.join(", ")}`);
  return files;
}
