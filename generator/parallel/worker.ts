/**
 * The emit worker's thread (started by ./host.ts in the precompiled CLI only): runs one emitter on a model the main
 * thread sent, or on a JSON document it parsed itself while the main thread was still checking and bundling it,
 * while the main thread runs the other emitters. Every emitter module loads here at start.
 */
import { parentPort } from "node:worker_threads";
import type { EmittedFile, Emitter } from "../emit/emitter.js";
import { DEFAULT_EMITTERS, loadDefinition, resolveEmitters } from "../emit/registry.js";
import type { OpenApiDocument } from "../load/openapi-types.js";
import { buildModel } from "../model/build.js";
import type { ApiModel } from "../model/types.js";
import { sendableError, type EmitRequest, type EmitResponse } from "./messages.js";

if (!parentPort) throw new Error("generator/parallel/worker.ts runs as a worker thread only");
const port = parentPort;
const resolved = new Map<string, Promise<Emitter[]>>();
const warm = Promise.all(DEFAULT_EMITTERS.map((entry) => loadDefinition(entry))).catch(() => undefined);
const speculations = new Map<number, Promise<EmittedFile[]>>();

type Emitting = Extract<EmitRequest, { kind: "emit" | "speculate" }>;

async function emit(request: Emitting, model: () => ApiModel): Promise<EmittedFile[]> {
  await warm;
  const key = JSON.stringify([request.entries, request.only]);
  const emitters = resolved.get(key) ?? resolveEmitters(request.entries, request.only ? { only: request.only } : {});
  resolved.set(key, emitters);
  const emitter = (await emitters).find((e) => e.name === request.name);
  if (!emitter) throw new Error(`emit worker: no emitter "${request.name}" in this run`);
  return emitter.emit(model());
}

async function answer(id: number, files: Promise<EmittedFile[]>): Promise<EmitResponse> {
  try {
    return { id, files: await files };
  } catch (error) {
    return { id, error: sendableError(error) };
  }
}

port.on("message", (request: EmitRequest) => {
  switch (request.kind) {
    case "reset":
      speculations.clear();
      return;
    case "speculate": {
      const { file, version, text } = request.root;
      const doc = JSON.parse(text) as OpenApiDocument;
      const files = emit(request, () => buildModel({ file, version, doc, warnings: [] }, request.api));
      files.catch(() => undefined); // reported when claimed; never claimed when the main thread failed first
      speculations.set(request.key, files);
      return;
    }
    case "claim": {
      const files = speculations.get(request.key);
      speculations.delete(request.key);
      if (!files) {
        const lost: EmitResponse = { id: request.id, error: { kind: "lost", message: "speculation not held" } };
        port.postMessage(lost);
        return;
      }
      void answer(request.id, files).then((response) => port.postMessage(response));
      return;
    }
    case "emit":
      void answer(
        request.id,
        emit(request, () => request.model),
      ).then((response) => port.postMessage(response));
  }
});
