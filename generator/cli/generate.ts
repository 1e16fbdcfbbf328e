/**
 * `contactgen generate`: every API in the config → `<out>/<api>/` (our specs: lint errors block).
 * `--spec FILE --out DIR [--name N]`: any OpenAPI 3.0/3.1 document (lint findings are shown, never blocking).
 * `--check`: compare in memory, list stale files, exit 1 if any. Errors exit 1 and leave every output folder as it
 * was. Without --check or --spec, only APIs whose spec or generator changed are regenerated (content-hash cache in
 * node_modules/.cache/contactgen, generator/incremental; `--no-cache` regenerates all); `--watch` regenerates an API
 * when its spec is saved. The writer owns only the files listed in each folder's manifest: a non-empty folder without
 * one is refused unless `--force`, and other files are never removed. Loading is sandboxed: `$ref`s read only
 * inside the spec's folder (`--allow-ref-root DIR` adds one) and never over the network unless `--allow-remote-refs`.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LintProblem } from "../lint/index.js";
import { DEFAULT_EMITTERS, type EmitterEntry } from "../emit/registry.js";
import { DEFAULT_TYPES_ENGINE, isTypesEngine, TYPES_ENGINES, type TypesEngine } from "../emit/types/index.js";
import type { LoadOptions } from "../load/load.js";
import { SpecError, terminalSafe } from "../load/spec-error.js";
import { generateIncrementally } from "../incremental/run.js";
import { findStaleFiles, writeOutputs, type OutputSet } from "../write/write.js";
import { listOption, stringOption, UsageError, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, FORCE_OPTION, type Command } from "./command.js";
import { readConfig } from "./config.js";

interface Target {
  name: string;
  spec: string;
  out: string;
  /** Our own specs: lint errors block generation. */
  own: boolean;
  /** The configured emitters (the default set for --spec). */
  emitters: readonly EmitterEntry[];
}

const SHOWN_FINDINGS = 20;

async function targetsAndEngine(
  values: ParsedArgs["values"],
): Promise<{ targets: Target[]; types: TypesEngine | undefined }> {
  const [spec, out, name] = ["spec", "out", "name"].map((key) => stringOption(values, key));
  const flag = stringOption(values, "types");
  if (flag !== undefined && !isTypesEngine(flag))
    throw new UsageError(`unknown types engine ${JSON.stringify(flag)}: use ${TYPES_ENGINES.join(" or ")}`);
  if (spec) {
    if (!out) throw new UsageError("--spec needs --out DIR");
    const fallback = path
      .basename(spec)
      .replace(/\.(ya?ml|json)$/i, "")
      .replace(/[^A-Za-z0-9]+/g, "-");
    return {
      targets: [{ name: name ?? fallback, spec, out, own: false, emitters: DEFAULT_EMITTERS }],
      types: flag,
    };
  }
  if (out || name) throw new UsageError(`--${out ? "out" : "name"} goes with --spec FILE`);
  const config = await readConfig(stringOption(values, "config"));
  return {
    targets: config.apis.map((api) => ({
      name: api.name,
      spec: api.spec,
      out: api.out,
      own: true,
      emitters: api.emitters,
    })),
    // Unset: the types emitter's own options (default native) decide.
    types: flag ?? config.types,
  };
}

function printFindings(problems: LintProblem[]): void {
  for (const p of problems.slice(0, SHOWN_FINDINGS)) {
    console.error(terminalSafe(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.ruleId}]`));
  }
  if (problems.length > SHOWN_FINDINGS) console.error(`… and ${problems.length - SHOWN_FINDINGS} more lint findings`);
}

async function lintTarget(target: Target): Promise<void> {
  const { lintSpecs } = await import("../lint/index.js");
  const result = await lintSpecs([target.spec]);
  if (result.problems.length === 0) return;
  printFindings(result.problems);
  if (target.own && result.errorCount > 0) {
    throw new SpecError(
      target.spec,
      `${result.errorCount} lint error(s)`,
      "fix them (contactgen lint) before generating",
    );
  }
  if (!target.own)
    console.error(
      `${target.spec}: ${result.errorCount} lint error(s), ${result.warningCount} warning(s) (not blocking)`,
    );
}

/** Heavy modules (Redocly, openapi-typescript, Ajv) load here, so a run with nothing to do stays fast. */
async function generateSets(
  list: Target[],
  noLint: boolean,
  types: TypesEngine | undefined,
  load: LoadOptions,
): Promise<OutputSet[]> {
  const [{ generateLoaded, emittersFor, emitterEntries }, { loadDocument }, { warmEmitWorker, speculate }] =
    await Promise.all([import("../pipeline.js"), import("../load/load.js"), import("../parallel/host.js")]);
  // The emit worker (precompiled CLI only) loads the emitters on the second core while documents load here.
  warmEmitWorker(list.map((target) => target.emitters));
  const loadedTargets = [];
  for (const target of list) {
    const entries = emitterEntries({ emitters: target.emitters, ...(types ? { types } : {}) });
    const loaded = await loadDocument(target.spec, load, speculate(entries, target.name));
    for (const warning of loaded.warnings.slice(0, SHOWN_FINDINGS)) console.error(`warning: ${terminalSafe(warning)}`);
    if (!noLint) await lintTarget(target);
    loadedTargets.push({ target, loaded });
  }
  // Emitters load after every document did, so a broken document fails fast and nothing is emitted. APIs with
  // the same emitter list share one resolved set.
  const resolved = new Map<string, ReturnType<typeof emittersFor>>();
  const emittersOf = (target: Target) => {
    const key = JSON.stringify(target.emitters);
    const set = resolved.get(key) ?? emittersFor({ emitters: target.emitters, ...(types ? { types } : {}) });
    resolved.set(key, set);
    return set;
  };
  // Every configured set is resolved (and checked) before the first API is emitted.
  await Promise.all(loadedTargets.map(({ target }) => emittersOf(target)));
  const sets: OutputSet[] = [];
  for (const { target, loaded } of loadedTargets) {
    sets.push({ dir: target.out, files: (await generateLoaded(loaded, target.name, await emittersOf(target))).files });
  }
  return sets;
}

/** `emitter=<path>@<sha256>` per user emitter module (the module file itself; what it imports is not followed). */
async function userEmitterHashes(targets: Target[]): Promise<string[]> {
  const modules = [...new Set(targets.flatMap((t) => t.emitters.flatMap((e) => ("module" in e ? [e.module] : []))))];
  return Promise.all(
    modules.sort().map(async (module) => {
      const text = await readFile(module).catch(() => "missing");
      return `emitter=${module}@${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
    }),
  );
}

const shown = (set: OutputSet) => `generated ${set.dir.split(path.sep).join("/")} (${set.files.length} files)`;

async function run({ values }: ParsedArgs): Promise<number> {
  const { targets: all, types } = await targetsAndEngine(values);
  const noLint = values["no-lint"] === true;
  const load = {
    allowRefRoots: listOption(values, "allow-ref-root"),
    allowRemoteRefs: values["allow-remote-refs"] === true,
  };
  const generate = (list: Target[]) => generateSets(list, noLint, types, load);
  const write = (sets: OutputSet[]) => writeOutputs(sets, { force: values.force === true });
  if (values.watch) {
    const { watchTargets } = await import("../incremental/watch.js");
    watchTargets({ targets: all, regenerate: async (list) => write(await generate(list)) });
    return new Promise<number>(() => {});
  }
  if (!values.check && !values.spec && !values["no-cache"]) {
    const flags = [
      ...(noLint ? ["no-lint"] : []),
      ...(types === undefined || types === DEFAULT_TYPES_ENGINE ? [] : [`types=${types}`]),
      ...(load.allowRemoteRefs ? ["allow-remote-refs"] : []),
      ...load.allowRefRoots.map((root) => `allow-ref-root=${root}`),
      // User emitter modules live outside generator/, which the cache fingerprints: their text is part of the key.
      ...(await userEmitterHashes(all)),
    ];
    const { written, fresh } = await generateIncrementally({ targets: all, flags, generate, write });
    for (const set of written) console.log(shown(set));
    if (fresh.length > 0)
      console.log(`unchanged: ${fresh.map((t) => t.name).join(", ")} (cached; --no-cache to force)`);
    return 0;
  }
  const sets = await generate(all);
  if (values.check) {
    const stale = await findStaleFiles(sets);
    for (const file of stale) console.error(`stale: ${file.file} (${file.reason})`);
    if (stale.length > 0) {
      console.error(`${stale.length} generated file(s) out of date: run \`contactgen generate\` (npm run generate)`);
      return 1;
    }
    console.log(`generated output is current (${sets.length} API${sets.length === 1 ? "" : "s"})`);
    return 0;
  }
  await write(sets);
  for (const set of sets) console.log(shown(set));
  return 0;
}

export const generateCommand: Command = {
  spec: {
    name: "generate",
    summary:
      "Generate typed clients, validators and runtime for every configured API (only what changed), or for one --spec.",
    usage: [
      "[--check] [--no-cache] [--watch] [--types ENGINE] [--force] [--config FILE]",
      "--spec FILE --out DIR [--name N] [--no-lint] [--force] [--allow-ref-root DIR] [--allow-remote-refs]",
    ],
    positionals: { min: 0, max: 0 },
    options: {
      check: { type: "boolean", help: "compare with what is on disk; list stale files and exit 1 if any" },
      "no-cache": { type: "boolean", help: "regenerate every API even if its inputs did not change" },
      watch: { type: "boolean", help: "regenerate an API whenever its spec is saved" },
      types: { type: "string", value: "ENGINE", help: `types emitter: ${TYPES_ENGINES.join(" | ")}` },
      "no-lint": { type: "boolean", help: "skip the spec lint" },
      spec: { type: "string", value: "FILE", help: "generate from any OpenAPI 3.0/3.1 document instead of the config" },
      out: { type: "string", value: "DIR", help: "output folder for --spec" },
      name: { type: "string", value: "N", help: "API name for --spec (default: from the file name)" },
      force: FORCE_OPTION,
      "allow-ref-root": {
        type: "string",
        value: "DIR",
        multiple: true,
        help: "also let $refs read files under DIR (repeatable)",
      },
      "allow-remote-refs": { type: "boolean", help: "let $refs fetch http(s) URLs" },
      config: CONFIG_OPTION,
    },
  },
  run,
};
