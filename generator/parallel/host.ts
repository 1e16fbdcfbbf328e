/**
 * Emitting on two cores: in the precompiled CLI, the validators emitter (the largest after types) runs in a worker
 * thread while the main thread emits types, client and runtime (docs/decisions/0113-precompiled-cli.md). The model
 * crosses by structured clone (~0.1 s on Stripe); output is the same either way. The sources (tsx, vitest) and a
 * one-core machine emit in process; so does a run with a user emitter module, whose module the worker would have
 * to load again.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EmittedFile, Emitter } from "../emit/emitter.js";
import type { EmitterEntry } from "../emit/registry.js";
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

function fail(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = undefined;
}

/** The process's emit worker, started on first use; undefined where emitting stays in process. */
function emitWorker(): Worker | undefined {
  if (BUNDLE_DIR === undefined || availableParallelism() < 2 || process.env["CONTACTGEN_EMIT_WORKER"] === "0")
    return undefined;
  if (worker) return worker;
  const started = new Worker(new URL("parallel-worker.js", BUNDLE_DIR));
  started.unref();
  started.on("message", (response: EmitResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if (pending.size === 0) started.unref();
    if (!waiting) return;
    if ("error" in response) waiting.reject(receivedError(response.error));
    else waiting.resolve(response.files);
  });
  started.on("error", (error) => fail(new WorkerLost(`emit worker failed: ${error.message}`, { cause: error })));
  started.on("exit", (code) => fail(new WorkerLost(`emit worker exited (code ${code})`)));
  worker = started;
  return worker;
}

/** Whether a run with these emitters sends work to the worker: all built in, validators among them. */
function offloads(entries: readonly EmitterEntry[]): boolean {
  return entries.every((e) => "name" in e) && entries.some((e) => "name" in e && e.name === OFFLOADED);
}

/** Starts the worker early when a run will use it, so it loads the emitters while documents load here. */
export function warmEmitWorker(runs: ReadonlyArray<readonly EmitterEntry[]>): void {
  if (runs.some(offloads)) emitWorker();
}

function emitThere(target: Worker, request: Omit<EmitRequest, "id">): Promise<EmittedFile[]> {
  const id = nextId++;
  return new Promise<EmittedFile[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      target.postMessage({ ...request, id } satisfies EmitRequest);
      target.ref();
    } catch (error) {
      // A model the structured clone cannot carry: emit in process.
      pending.delete(id);
      reject(new WorkerLost(`emit worker: the model cannot be sent (${(error as Error).message})`, { cause: error }));
    }
  });
}

/** `emitters` with the validators emitter's work sent to the worker, when there is one for this run. */
export function offloadEmitters(
  emitters: Emitter[],
  entries: readonly EmitterEntry[],
  only: readonly string[] | undefined,
): Emitter[] {
  const target = offloads(entries) ? emitWorker() : undefined;
  if (!target) return emitters;
  const sent = { entries: [...entries], ...(only ? { only: [...only] } : {}) };
  return emitters.map((e) =>
    e.name === OFFLOADED
      ? {
          name: e.name,
          emit: (model: ApiModel) =>
            emitThere(target, { ...sent, name: e.name, model }).catch((error: unknown) => {
              if (error instanceof WorkerLost) return e.emit(model);
              throw error;
            }),
        }
      : e,
  );
}
