/**
 * Emitting on two cores: in the precompiled CLI on a machine with cores to spare, the validators emitter (the
 * largest after types) runs in a worker thread while the main thread emits types, client and runtime
 * (docs/decisions/0113-precompiled-cli.md). For a
 * JSON document the worker starts from the text as soon as it is read, so validators are emitted while the main
 * thread runs Redocly's structural check and bundle; that result is used only when the bundle turned out to be
 * exactly that text parsed (load.ts `isParsedAsIs`), else the model crosses by structured clone (~0.1 s on Stripe).
 * Output is the same either way. The sources (tsx, vitest), a machine without cores to spare (workerPays) and a
 * run with a user emitter module (the worker would have to load it again) emit in process.
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { EmittedFile, Emitter } from "../emit/emitter.js";
import type { EmitterEntry } from "../emit/registry.js";
import { isParsedAsIs, type LoadHooks } from "../load/load.js";
import type { ApiModel } from "../model/types.js";
import { BUNDLE_DIR } from "../precompiled.js";
import { receivedError, type EmitRequest, type EmitResponse } from "./messages.js";

/** The emitter that runs in the worker. */
const OFFLOADED = "validators";

interface Pending {
  resolve: (files: EmittedFile[]) => void;
  reject: (error: Error) => void;
}

/** The worker itself failed (not the emitter in it): the emitter then runs in process instead. */
class WorkerLost extends Error {}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();
/** Root JSON object (as the loader parsed it) → the speculation the worker runs on the same text. */
const speculations = new WeakMap<object, { key: number; run: string }>();

function fail(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = undefined;
}

/**
 * Whether the worker is likely to pay. It costs ~0.2 CPU-s (a second Node environment, JSON.parse and model), and
 * its head start competes with the main thread's load: on the 2-core bench machine, even quiet, the main thread's
 * load took ~0.3–0.4 s longer beside it while its emitting got ~0.45 s shorter, so wall time came out even
 * (alternating runs, ADR 0113). It runs by default only with cores to spare: at least 4, and a 1-minute load
 * average that leaves two of them idle. CONTACTGEN_EMIT_WORKER=1 / =0 decides instead.
 */
function workerPays(): boolean {
  const setting = process.env["CONTACTGEN_EMIT_WORKER"];
  if (setting === "0" || setting === "1") return setting === "1";
  const cores = availableParallelism();
  return cores >= 4 && (loadavg()[0] ?? 0) <= cores - 2;
}

/** The process's emit worker, started on first use; undefined where emitting stays in process. */
function emitWorker(): Worker | undefined {
  if (worker) return worker;
  if (BUNDLE_DIR === undefined || !workerPays()) return undefined;
  const started = new Worker(new URL("parallel-worker.js", BUNDLE_DIR));
  started.on("message", (response: EmitResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if (pending.size === 0) started.unref();
    if (!waiting) return;
    if ("error" in response)
      waiting.reject(
        response.error.kind === "lost"
          ? new WorkerLost(`emit worker: ${response.error.message}`)
          : receivedError(response.error),
      );
    else waiting.resolve(response.files);
  });
  started.on("error", (error) => fail(new WorkerLost(`emit worker failed: ${error.message}`, { cause: error })));
  started.on("exit", (code) => fail(new WorkerLost(`emit worker exited (code ${code})`)));
  // After the listeners (adding one refs the worker's port again): only a pending request keeps the process alive.
  started.unref();
  worker = started;
  return worker;
}

/** Whether a run with these emitters sends work to the worker: all built in, validators among them. */
function offloads(entries: readonly EmitterEntry[]): boolean {
  return entries.every((e) => "name" in e) && entries.some((e) => "name" in e && e.name === OFFLOADED);
}

/** What identifies one API's emitting: the same entries, selection and API name. */
const runKey = (entries: readonly EmitterEntry[], only: readonly string[] | undefined, api: string) =>
  JSON.stringify([entries, only ?? null, api]);

/**
 * A new generation run: starts the worker when the run will use it (it loads the emitters while documents load
 * here) and drops what an earlier run (--watch) speculated and never claimed.
 */
export function warmEmitWorker(runs: ReadonlyArray<readonly EmitterEntry[]>): void {
  if (runs.some(offloads)) emitWorker()?.postMessage({ kind: "reset" } satisfies EmitRequest);
}

/** Load hooks that start the worker on a JSON document's validators as soon as its text is read. */
export function speculate(entries: readonly EmitterEntry[], api: string): LoadHooks {
  const target = offloads(entries) ? emitWorker() : undefined;
  if (!target) return {};
  return {
    rootRead({ file, version, text, parsed }) {
      if (parsed === null || typeof parsed !== "object") return;
      const key = nextId++;
      speculations.set(parsed, { key, run: runKey(entries, undefined, api) });
      const request: EmitRequest = { kind: "speculate", key, api, root: { file, version, text }, ...sent(entries) };
      target.postMessage(request);
    },
  };
}

const sent = (entries: readonly EmitterEntry[], only?: readonly string[]) => ({
  entries: [...entries],
  ...(only ? { only: [...only] } : {}),
  name: OFFLOADED,
});

function ask(target: Worker, request: EmitRequest & { id: number }): Promise<EmittedFile[]> {
  return new Promise<EmittedFile[]>((resolve, reject) => {
    // A worker that died (fail() dropped it) would never answer: emit in process.
    if (target !== worker) return reject(new WorkerLost("emit worker: no longer running"));
    pending.set(request.id, { resolve, reject });
    try {
      target.postMessage(request);
      target.ref();
    } catch (error) {
      // A model the structured clone cannot carry: emit in process.
      pending.delete(request.id);
      reject(new WorkerLost(`emit worker: the model cannot be sent (${(error as Error).message})`, { cause: error }));
    }
  });
}

function emitThere(target: Worker, entries: readonly EmitterEntry[], only: readonly string[] | undefined) {
  return (model: ApiModel): Promise<EmittedFile[]> => {
    const speculation = isParsedAsIs(model.document) ? speculations.get(model.document) : undefined;
    if (speculation) speculations.delete(model.document);
    if (speculation?.run === runKey(entries, only, model.name))
      return ask(target, { kind: "claim", id: nextId++, key: speculation.key });
    return ask(target, { kind: "emit", id: nextId++, model, ...sent(entries, only) });
  };
}

/** `emitters` with the validators emitter's work sent to the worker, when there is one for this run. */
export function offloadEmitters(
  emitters: Emitter[],
  entries: readonly EmitterEntry[],
  only: readonly string[] | undefined,
): Emitter[] {
  const target = offloads(entries) ? emitWorker() : undefined;
  if (!target) return emitters;
  const there = emitThere(target, entries, only);
  return emitters.map((e) => {
    if (e.name !== OFFLOADED) return e;
    const remote: Emitter = {
      name: e.name,
      emit: (model: ApiModel) =>
        there(model).catch((error: unknown) => {
          if (error instanceof WorkerLost) return e.emit(model);
          throw error;
        }),
    };
    offloaded.add(remote);
    return remote;
  });
}

const offloaded = new WeakSet<Emitter>();

/** Emitters whose work runs in the worker: emitAll starts them first, so the worker is busy while this thread is. */
export function isOffloaded(emitter: Emitter): boolean {
  return offloaded.has(emitter);
}
