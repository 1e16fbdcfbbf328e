/**
 * npm run diff -- <api> [--base <git-ref>] [--json] [--allow-breaking] [--project <dir>] [--changelog [--write]]
 *   [--spec-only]
 * Compares the spec at a git ref (default HEAD) with the working tree and reports what breaks for client users.
 * Exit codes: 0 nothing breaking (or --allow-breaking), 1 breaking changes, 2 bad input.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDocument } from "../load/load.js";
import type { OpenApiDocument } from "../load/openapi-types.js";
import { changelogSection, mergeChangelog } from "./changelog.js";
import { findApi } from "./config.js";
import { diffDocuments } from "./document.js";
import { checkoutSpecAt, removeCheckout, resolveCommit } from "./git.js";
import { buildReport, formatReport, isBreaking, type DiffReport } from "./report.js";

const USAGE =
  "usage: npm run diff -- <api> [--base <git-ref>] [--json] [--allow-breaking] [--project <dir>] [--changelog [--write]] [--spec-only]";

/** A spec that did not exist at the base ref: same servers, no operations, so everything in it is an addition. */
const emptyLike = (doc: OpenApiDocument): OpenApiDocument => ({
  openapi: doc.openapi,
  info: { ...doc.info, version: "0.0.0" },
  ...(doc.servers ? { servers: doc.servers } : {}),
  paths: {},
});

export interface DiffOptions {
  api: string;
  base: string;
  project?: string;
  /** Skip generating both clients (the consumer-side comparison). */
  specOnly: boolean;
}

export async function runDiff(options: DiffOptions): Promise<DiffReport> {
  const entry = await findApi(options.api);
  const baseFile = await checkoutSpecAt(options.base, entry.spec);
  try {
    return await diffAgainst(options, entry, baseFile);
  } finally {
    await removeCheckout(baseFile);
  }
}

async function diffAgainst(
  options: DiffOptions,
  entry: Awaited<ReturnType<typeof findApi>>,
  baseFile: string | undefined,
): Promise<DiffReport> {
  const newDoc = (await loadDocument(entry.spec)).doc;
  const oldDoc = baseFile ? await loadAt(options.base, entry.spec, baseFile) : emptyLike(newDoc);
  const report = buildReport(options.api, options.base, oldDoc, newDoc, diffDocuments(oldDoc, newDoc));
  report.baseCommit = await resolveCommit(options.base);
  report.initial = !baseFile;
  if (!options.specOnly || options.project) {
    const { compareClients } = await import("./consumer.js");
    const consumer = await compareClients({
      api: options.api,
      ...(baseFile ? { oldSpec: baseFile } : {}),
      newSpec: entry.spec,
      clientDir: path.join(entry.out, options.api),
      ...(options.project ? { project: options.project } : {}),
    });
    report.surface = consumer.surface;
    if (consumer.callSites) report.callSites = consumer.callSites;
  }
  return report;
}

async function loadAt(ref: string, shownPath: string, file: string): Promise<OpenApiDocument> {
  try {
    return (await loadDocument(file)).doc;
  } catch (error) {
    throw new Error(`${shownPath} at ${ref}: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: "string", default: "HEAD" },
      json: { type: "boolean", default: false },
      "allow-breaking": { type: "boolean", default: false },
      project: { type: "string" },
      changelog: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      "spec-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const api = positionals[0];
  if (!api || positionals.length > 1) throw new Error(`expected exactly one API name\n  → ${USAGE}`);
  const report = await runDiff({
    api,
    base: values.base,
    specOnly: values["spec-only"],
    ...(values.project ? { project: values.project } : {}),
  });
  if (values.changelog) {
    const section = changelogSection(report);
    if (values.write) {
      const file = path.join("changelogs", `${api}.md`);
      await mkdir("changelogs", { recursive: true });
      const existing = await readFile(file, "utf8").catch(() => undefined);
      await writeFile(file, mergeChangelog(existing, api, section));
      process.stderr.write(`wrote ${file}\n`);
    } else process.stdout.write(section);
  } else if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatReport(report));
  return isBreaking(report) && !values["allow-breaking"] ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`diff: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
