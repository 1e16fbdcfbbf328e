/**
 * `runConformance(argv)`: the command behind `npm run conformance` (and `contactgen conformance`). Loads the
 * document, starts the mock when no --server is given, runs the engine and reports; returns the exit code
 * (0 no failures, 1 failures, 2 usage, unreachable server or unusable document).
 */
import { writeFile } from "node:fs/promises";
import { readConfig } from "../cli/config.js";
import { loadDocument } from "../load/load.js";
import { buildModel } from "../model/build.js";
import { SpecError } from "../load/spec-error.js";
import { startMock, type MockServer } from "../mock/server.js";
import { parseArgs, UsageError } from "./args.js";
import { placeholders, schemeNames } from "./credentials.js";
import { operationsOf, runEngine } from "./engine.js";
import { planText } from "./plan.js";
import { jsonReport, junitReport, textReport } from "./report.js";
import { unreachable } from "./sender.js";
import type { Exchange, Options, Result, Verdict } from "./types.js";

export interface RunIO {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Sees every exchange (the in-suite conformance test judges each with an independent validator). */
  observe?: (exchange: Exchange) => void;
  /** Sees the engine's verdict on every answer it judged. */
  onVerdict?: (verdict: Verdict) => void;
  /** Receives the structured result. */
  onResult?: (result: Result) => void;
}

class Stop extends Error {}

export async function runConformance(argv: string[], io: RunIO = {}): Promise<number> {
  const out = io.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = io.stderr ?? ((t: string) => void process.stderr.write(t));
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`conformance: ${error.message}\n(contactgen conformance --help lists the options)\n`);
      return 2;
    }
    throw error;
  }
  let mock: MockServer | undefined;
  try {
    const file = options.spec ?? (await specOf(options.api!));
    const model = buildModel(await loadDocument(file), options.api ?? "api");
    const doc = model.document as unknown as Record<string, unknown>;
    const known = new Set(operationsOf(model).map((op) => op.id));
    const unknown = (options.operations ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new UsageError(`unknown operation ${unknown.join(", ")} (the document has: ${[...known].join(", ")})`);
    const unknownSchemes = Object.keys(options.auth).filter((name) => !schemeNames(doc).includes(name));
    if (unknownSchemes.length > 0)
      throw new UsageError(
        `--auth names no security scheme of the document: ${unknownSchemes.join(", ")} (it has: ${schemeNames(doc).join(", ") || "none"})`,
      );
    if (options.dryRun) {
      out(planText(model, options));
      return 0;
    }
    let server = options.server;
    let credentials = placeholders(doc, options.auth);
    let credentialsKnown = Object.keys(options.auth).length > 0;
    if (server === undefined) {
      // Our own mock: give it real credentials so wrong ones can be told apart.
      credentials = Object.fromEntries(
        Object.entries(credentials).map(([name, value]) => [
          name,
          options.auth[name] ?? value.replace("placeholder", `seed${options.seed}`),
        ]),
      );
      mock = await startMock({ model, credentials });
      server = mock.url;
      credentialsKnown = true;
    }
    await reachable(server);
    const result = await runEngine({
      model,
      server,
      credentials,
      credentialsKnown,
      headers: options.headers,
      seed: options.seed,
      maxRequests: options.maxRequests,
      timeLimit: options.timeLimit,
      operations: options.operations,
      observe: io.observe,
      onVerdict: io.onVerdict,
    });
    io.onResult?.(result);
    out(options.json ? jsonReport(result) : textReport(result));
    if (options.junit) await writeFile(options.junit, junitReport(result, options.api ?? file));
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`conformance: ${error.message}\n`);
      return 2;
    }
    if (error instanceof SpecError || error instanceof Stop) {
      err(`conformance: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await mock?.close();
  }
}

async function specOf(api: string): Promise<string> {
  const config = await readConfig();
  const entry = config.apis.find((a) => a.name === api);
  if (!entry)
    throw new UsageError(`unknown API "${api}" (${config.file} lists: ${config.apis.map((a) => a.name).join(", ")})`);
  return entry.spec;
}

/** One request to the server itself: a connection that fails is exit 2, any HTTP answer is fine. */
async function reachable(server: string): Promise<void> {
  try {
    const response = await fetch(server, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
  } catch (error) {
    throw new Stop(`cannot reach ${server}: ${unreachable(error) ?? (error as Error).message}`);
  }
}
