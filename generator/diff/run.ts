/** The change report of one configured API: its spec at a git ref against the working tree (`contactgen diff`). */
import { readConfig, findApi } from "../cli/config.js";
import { loadDocument } from "../load/load.js";
import type { OpenApiDocument } from "../load/openapi-types.js";
import { diffDocuments } from "./document.js";
import { checkoutSpecAt, removeCheckout, resolveCommit } from "./git.js";
import { buildReport, type DiffReport } from "./report.js";

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
  /** generator.config.json by default. */
  config?: string;
}

export async function runDiff(options: DiffOptions): Promise<DiffReport> {
  const entry = findApi(await readConfig(options.config), options.api);
  const baseFile = await checkoutSpecAt(options.base, entry.spec);
  try {
    return await diffAgainst(options, entry, baseFile);
  } finally {
    await removeCheckout(baseFile);
  }
}

async function diffAgainst(
  options: DiffOptions,
  entry: ReturnType<typeof findApi>,
  baseFile: string | undefined,
): Promise<DiffReport> {
  const newDoc = (await loadDocument(entry.spec)).doc;
  const oldDoc = baseFile ? await loadAt(options.base, entry.spec, baseFile) : emptyLike(newDoc);
  const report = buildReport(options.api, options.base, oldDoc, newDoc, diffDocuments(oldDoc, newDoc));
  report.baseCommit = await resolveCommit(options.base);
  report.initial = !baseFile;
  // An unchanged document cannot change the client surface: skip generating both clients (most PRs touch no spec).
  const unchanged = baseFile !== undefined && JSON.stringify(oldDoc) === JSON.stringify(newDoc);
  if ((!options.specOnly || options.project) && !unchanged) {
    const { compareClients } = await import("./consumer.js");
    const consumer = await compareClients({
      api: options.api,
      ...(baseFile ? { oldSpec: baseFile } : {}),
      newSpec: entry.spec,
      clientDir: entry.out,
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
