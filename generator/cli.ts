/**
 * `npm run generate`: every API in generator.config.json → generated/<api>/ (our specs: lint errors block).
 * `npm run generate -- --spec FILE --out DIR [--name N]`: any OpenAPI 3.0/3.1 document (lint findings are shown,
 * never blocking). `--check`: compare in memory, list stale files, exit 1 if any. Errors exit 1 and leave every
 * output folder as it was. Without --check or --spec, only APIs whose spec or generator changed are regenerated
 * (content-hash cache in node_modules/.cache/contactgen, generator/incremental; `--no-cache` regenerates all);
 * `--watch` regenerates an API when its spec is saved. The writer owns only the files listed in each folder's
 * manifest: a non-empty folder without one is refused unless `--force`, and other files are never removed.
 * Loading is sandboxed: `$ref`s read only inside the spec's folder (`--allow-ref-root DIR` adds one) and never
 * over the network unless `--allow-remote-refs`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { LintProblem } from "./lint/index.js";
import type { LoadOptions } from "./load/load.js";
import { DEFAULT_TYPES_ENGINE, isTypesEngine, TYPES_ENGINES, type TypesEngine } from "./emit/types/index.js";
import { SpecError } from "./load/spec-error.js";
import { generateIncrementally } from "./incremental/run.js";
import { findStaleFiles, OwnershipError, writeOutputs, type OutputSet } from "./write/write.js";

interface Target {
  name: string;
  spec: string;
  out: string;
  /** Our own specs: lint errors block generation. */
  own: boolean;
}

const USAGE =
  "usage: npm run generate [-- --check] [--types native|openapi-typescript] | npm run generate -- --spec FILE --out DIR [--name N] [--no-lint] [--force] [--allow-ref-root DIR] [--allow-remote-refs]";
const SHOWN_FINDINGS = 20;

async function targets(values: { spec?: string; out?: string; name?: string; config: string }): Promise<Target[]> {
  if (values.spec) {
    if (!values.out) throw new UsageError(`--spec needs --out DIR\n${USAGE}`);
    const fallback = path
      .basename(values.spec)
      .replace(/\.(ya?ml|json)$/i, "")
      .replace(/[^A-Za-z0-9]+/g, "-");
    return [{ name: values.name ?? fallback, spec: values.spec, out: values.out, own: false }];
  }
  const text = await readFile(values.config, "utf8").catch(() => {
    throw new UsageError(`${values.config}: cannot read the generator config (run from the project root)`);
  });
  const config = JSON.parse(text) as { out: string; apis: Array<{ name: string; spec: string }> };
  return config.apis.map((api) => ({
    name: api.name,
    spec: api.spec,
    out: path.join(config.out, api.name),
    own: true,
  }));
}

class UsageError extends Error {}

/** `--types` wins over generator.config.json's optional `"types"` field; the default is the native emitter. */
async function typesEngine(flag: string | undefined, config: string | undefined): Promise<TypesEngine> {
  let chosen: unknown = flag;
  if (chosen === undefined && config) {
    const text = await readFile(config, "utf8").catch(() => "{}");
    chosen = (JSON.parse(text) as { types?: unknown }).types;
  }
  if (chosen === undefined) return DEFAULT_TYPES_ENGINE;
  if (!isTypesEngine(chosen)) {
    throw new UsageError(`unknown types engine ${JSON.stringify(chosen)}: use ${TYPES_ENGINES.join(" or ")}\n${USAGE}`);
  }
  return chosen;
}

function printFindings(problems: LintProblem[]): void {
  for (const p of problems.slice(0, SHOWN_FINDINGS)) {
    console.error(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.ruleId}]`);
  }
  if (problems.length > SHOWN_FINDINGS) console.error(`… and ${problems.length - SHOWN_FINDINGS} more lint findings`);
}

async function lintTarget(target: Target): Promise<void> {
  const { lintSpecs } = await import("./lint/index.js");
  const result = await lintSpecs([target.spec]);
  if (result.problems.length === 0) return;
  printFindings(result.problems);
  if (target.own && result.errorCount > 0) {
    throw new SpecError(
      target.spec,
      `${result.errorCount} lint error(s)`,
      "fix them (npm run lint:specs) before generating",
    );
  }
  if (!target.own)
    console.error(
      `${target.spec}: ${result.errorCount} lint error(s), ${result.warningCount} warning(s) (not blocking)`,
    );
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      config: { type: "string", default: "generator.config.json" },
      check: { type: "boolean", default: false },
      "no-lint": { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      types: { type: "string" },
      force: { type: "boolean", default: false },
      "allow-ref-root": { type: "string", multiple: true },
      "allow-remote-refs": { type: "boolean", default: false },
    },
  });
  const types = await typesEngine(values.types, values.spec ? undefined : values.config);
  const all = await targets(values);
  const load = { allowRefRoots: values["allow-ref-root"] ?? [], allowRemoteRefs: values["allow-remote-refs"] };
  const generate = (list: Target[]) => generateSets(list, values["no-lint"], types, load);
  const write = (sets: OutputSet[]) => writeOutputs(sets, { force: values.force });
  if (values.watch) {
    const { watchTargets } = await import("./incremental/watch.js");
    watchTargets({ targets: all, regenerate: async (list) => write(await generate(list)) });
    return new Promise<number>(() => {});
  }
  if (!values.check && !values.spec && !values["no-cache"]) {
    const flags = [
      ...(values["no-lint"] ? ["no-lint"] : []),
      ...(types === DEFAULT_TYPES_ENGINE ? [] : [`types=${types}`]),
      ...(load.allowRemoteRefs ? ["allow-remote-refs"] : []),
      ...load.allowRefRoots.map((root) => `allow-ref-root=${root}`),
    ];
    const { written, fresh } = await generateIncrementally({ targets: all, flags, generate, write });
    for (const set of written)
      console.log(`generated ${set.dir.split(path.sep).join("/")} (${set.files.length} files)`);
    if (fresh.length > 0)
      console.log(`unchanged: ${fresh.map((t) => t.name).join(", ")} (cached; --no-cache to force)`);
    return 0;
  }
  const sets = await generate(all);
  if (values.check) {
    const stale = await findStaleFiles(sets);
    for (const file of stale) console.error(`stale: ${file.file} (${file.reason})`);
    if (stale.length > 0) {
      console.error(`${stale.length} generated file(s) out of date: run \`npm run generate\``);
      return 1;
    }
    console.log(`generated output is current (${sets.length} API${sets.length === 1 ? "" : "s"})`);
    return 0;
  }
  await write(sets);
  for (const set of sets) console.log(`generated ${set.dir.split(path.sep).join("/")} (${set.files.length} files)`);
  return 0;
}

/** Heavy modules (Redocly, openapi-typescript, Ajv) load here, so a run with nothing to do stays fast. */
async function generateSets(
  list: Target[],
  noLint: boolean,
  types: TypesEngine,
  load: LoadOptions,
): Promise<OutputSet[]> {
  const [{ generateLoaded, emittersFor }, { loadDocument }] = await Promise.all([
    import("./pipeline.js"),
    import("./load/load.js"),
  ]);
  const loadedTargets = [];
  for (const target of list) {
    const loaded = await loadDocument(target.spec, load);
    for (const warning of loaded.warnings.slice(0, SHOWN_FINDINGS)) console.error(`warning: ${warning}`);
    if (!noLint) await lintTarget(target);
    loadedTargets.push({ target, loaded });
  }
  // Emitters load after every document did, so a broken document fails fast and nothing is emitted.
  const emitters = await emittersFor({ types });
  const sets: OutputSet[] = [];
  for (const { target, loaded } of loadedTargets) {
    sets.push({ dir: target.out, files: (await generateLoaded(loaded, target.name, emitters)).files });
  }
  return sets;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof SpecError || error instanceof UsageError || error instanceof OwnershipError)
    console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
