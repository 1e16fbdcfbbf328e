/**
 * The emit worker's thread (started by ./host.ts in the precompiled CLI only): runs one emitter on a model the main
 * thread sent, while the main thread runs the others. Every emitter module loads here at start, during the main
 * thread's document load.
 */
import { parentPort } from "node:worker_threads";
import type { Emitter } from "../emit/emitter.js";
import { DEFAULT_EMITTERS, loadDefinition, resolveEmitters } from "../emit/registry.js";
import { sendableError, type EmitRequest, type EmitResponse } from "./messages.js";

if (!parentPort) throw new Error("generator/parallel/worker.ts runs as a worker thread only");
const port = parentPort;
const resolved = new Map<string, Promise<Emitter[]>>();
const warm = Promise.all(DEFAULT_EMITTERS.map((entry) => loadDefinition(entry))).catch(() => undefined);

async function emit(request: EmitRequest): Promise<EmitResponse> {
  try {
    await warm;
    const key = JSON.stringify([request.entries, request.only]);
    const emitters = resolved.get(key) ?? resolveEmitters(request.entries, request.only ? { only: request.only } : {});
    resolved.set(key, emitters);
    const emitter = (await emitters).find((e) => e.name === request.name);
    if (!emitter) throw new Error(`emit worker: no emitter "${request.name}" in this run`);
    return { id: request.id, files: await emitter.emit(request.model) };
  } catch (error) {
    return { id: request.id, error: sendableError(error) };
  }
}

port.on("message", (request: EmitRequest) => {
  void emit(request).then((response) => port.postMessage(response));
});
