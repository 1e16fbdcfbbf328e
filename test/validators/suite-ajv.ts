/**
 * The raw JSON-Schema-Test-Suite against Ajv 8.20 itself, with none of the generator in between: the evidence
 * for suite-skips.ts's "Ajv fails them too". Remotes are registered under their retrieval URLs, metaschemas with
 * custom vocabularies included, exactly as the suite's README asks of a test runner.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { SuiteGroup } from "./suite.js";

type FormatsPlugin = (ajv: Ajv2020) => unknown;
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

function remoteSchemas(suiteDir: string): Array<[url: string, schema: object]> {
  const out: Array<[string, object]> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(suiteDir, "remotes", dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".json")) {
        out.push([
          `http://localhost:1234/${rel}`,
          JSON.parse(readFileSync(path.join(suiteDir, "remotes", rel), "utf8")),
        ]);
      }
    }
  };
  walk("");
  return out;
}

/** "passes", or how Ajv fails the group: a compile error or the tests it answers wrongly. */
export function ajvVerdict(group: SuiteGroup, suiteDir: string): string {
  const ajv = new Ajv2020({ strict: false, validateFormats: true });
  addFormats(ajv);
  for (const [url, schema] of remoteSchemas(suiteDir)) ajv.addSchema(schema, url);
  let validate: (data: unknown) => boolean;
  try {
    validate = ajv.compile(group.schema as object);
  } catch (error) {
    return `does not compile: ${(error as Error).message.split("\n")[0]}`;
  }
  const wrong = group.tests.filter((t) => {
    try {
      return validate(t.data) !== t.valid;
    } catch {
      return true;
    }
  });
  return wrong.length === 0 ? "passes" : `wrong on ${wrong.length}/${group.tests.length}: "${wrong[0]?.description}"`;
}
