/**
 * What crosses between the main thread and the emit worker (generator/parallel/). Errors cross as data and are
 * rebuilt as the same class, so the pipeline reports a worker's failure exactly as an in-process one.
 */
import type { EmittedFile } from "../emit/emitter.js";
import type { EmitterEntry } from "../emit/registry.js";
import type { RootRead } from "../load/load.js";
import { SpecError, type SpecLocation } from "../load/spec-error.js";
import type { ApiModel } from "../model/types.js";

interface Emitting {
  /** The run's whole emitter list (all built in), resolved in the worker exactly as on the main thread. */
  entries: EmitterEntry[];
  only?: string[];
  /** The emitter to run there. */
  name: string;
}

/** The main thread's messages; `emit` and `claim` are answered with an EmitResponse of the same id. */
export type EmitRequest =
  | ({ kind: "emit"; id: number; model: ApiModel } & Emitting)
  /** Start on a JSON root as read, while the main thread checks and bundles it (the result waits for `claim`). */
  | ({ kind: "speculate"; key: number; api: string; root: Omit<RootRead, "parsed"> } & Emitting)
  | { kind: "claim"; id: number; key: number }
  /** A new run: speculations nobody claimed are dropped. */
  | { kind: "reset" };

export type SentError =
  | { kind: "spec"; file: string; problem: string; hint: string; location?: SpecLocation; ruleId?: string }
  | { kind: "range" | "error"; message: string }
  /** The worker cannot answer (a claimed speculation it does not hold): the main thread emits in process instead. */
  | { kind: "lost"; message: string };

export type EmitResponse = { id: number; files: EmittedFile[] } | { id: number; error: SentError };

export function sendableError(error: unknown): SentError {
  if (error instanceof SpecError) {
    const { file, problem, hint, location, ruleId } = error;
    return {
      kind: "spec",
      file,
      problem,
      hint,
      ...(location ? { location } : {}),
      ...(ruleId !== undefined ? { ruleId } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: error instanceof RangeError ? "range" : "error", message };
}

export function receivedError(sent: SentError): Error {
  if (sent.kind === "spec") return new SpecError(sent.file, sent.problem, sent.hint, sent.location, sent.ruleId);
  return sent.kind === "range" ? new RangeError(sent.message) : new Error(sent.message);
  // "lost" is handled by the host (it falls back to emitting in process) and never reaches the user.
}
