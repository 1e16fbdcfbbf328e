/**
 * One conformance run over a bundled document against a server: every selected operation gets positive
 * property-based requests, negative ones and the auth checks; resources get their lifecycle; paged lists are
 * walked. Bounded by the sender's request budget and deadline.
 */
import type { ApiModel } from "../model/types.js";
import type { MockOperation } from "../mock/operation-types.js";
import { buildRoutes } from "../mock/routes.js";
import { SchemaRegistry } from "../mock/schemas.js";
import type { Credentials } from "./credentials.js";
import { factoryFor, type RunContext } from "./context.js";
import { RESPONSE_CHECKS } from "./judge.js";
import { ignoredAuth, negative, secured } from "./negative.js";
import { positive } from "./positive.js";
import { BudgetExhausted, Sender } from "./sender.js";
import { lifecycle, paging, resources } from "./stateful.js";
import type { CheckName, Exchange, OperationResult, Result, Verdict } from "./types.js";

export interface EngineInput {
  model: ApiModel;
  server: string;
  credentials: Credentials;
  credentialsKnown: boolean;
  headers: Record<string, string>;
  seed: number;
  maxRequests: number;
  timeLimit: number;
  operations?: string[];
  observe?: (exchange: Exchange) => void;
  onVerdict?: (verdict: Verdict) => void;
  /** An already built registry for the document (the mock's), to avoid compiling twice. */
  registry?: SchemaRegistry;
}

export function operationsOf(model: ApiModel, only?: string[]): MockOperation[] {
  const all = buildRoutes(model).flatMap((r) => Object.values(r.operations));
  const ops = only ? all.filter((op) => only.includes(op.id)) : all;
  return ops.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `location:name` of what credentials and --header set, so the engine does not generate those parameters. */
function reservedOf(doc: Record<string, unknown>, headers: Record<string, string>): Set<string> {
  const out = new Set(Object.keys(headers).map((h) => `header:${h.toLowerCase()}`));
  const schemes = (
    doc.components as { securitySchemes?: Record<string, { type?: string; in?: string; name?: string }> } | undefined
  )?.securitySchemes;
  for (const scheme of Object.values(schemes ?? {})) {
    if (scheme.type === "apiKey" && scheme.name && scheme.in)
      out.add(`${scheme.in}:${scheme.in === "header" ? scheme.name.toLowerCase() : scheme.name}`);
  }
  return out;
}

export async function runEngine(input: EngineInput): Promise<Result> {
  const ops = operationsOf(input.model, input.operations);
  const doc = input.model.document as unknown as Record<string, unknown>;
  const sender = new Sender({
    server: input.server,
    maxRequests: input.maxRequests,
    deadline: Date.now() + input.timeLimit * 1000,
    observe: input.observe,
  });
  const ctx: RunContext = {
    doc,
    registry: input.registry ?? new SchemaRegistry(doc),
    server: input.server,
    sender,
    seed: input.seed,
    credentials: input.credentials,
    credentialsKnown: input.credentialsKnown,
    headers: input.headers,
    reserved: reservedOf(doc, input.headers),
    failures: [],
    seen: new Set(),
    onVerdict: input.onVerdict,
    runs: Math.max(5, Math.min(100, Math.floor((input.maxRequests * 0.5) / Math.max(1, ops.length)))),
  };
  const results = new Map<string, OperationResult>(
    ops.map((op) => [
      op.id,
      { id: op.id, method: op.method.toUpperCase(), path: op.path, ran: [], skipped: [], failed: false },
    ]),
  );
  const note = (op: MockOperation, check: CheckName, reason?: string): void => {
    const result = results.get(op.id)!;
    if (reason === undefined) result.ran.push(check);
    else result.skipped.push({ check, reason });
  };
  try {
    // The stateful checks take a handful of requests each: first, so random requests cannot spend their budget.
    for (const resource of resources(doc, ops)) {
      const outcome = await lifecycle(ctx, resource);
      note(resource.read ?? resource.create, "ensure_resource_availability", outcome.availability);
      if (resource.remove) note(resource.remove, "use_after_free", outcome.afterFree);
    }
    for (const op of ops.filter((o) => o.pagination?.style === "cursor")) note(op, "pagination", await paging(ctx, op));
    for (const op of ops) await stateless(ctx, op, note);
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
  }
  for (const failure of ctx.failures) {
    const result = results.get(failure.operation);
    if (result) result.failed = true;
  }
  return {
    operations: [...results.values()],
    failures: ctx.failures,
    documentedStatuses: ops.reduce((n, op) => n + op.responses.length, 0),
    seenStatuses: ctx.seen.size,
    requests: sender.sent,
    stoppedBy: sender.stoppedBy,
    seed: input.seed,
  };
}

async function stateless(
  ctx: RunContext,
  op: MockOperation,
  note: (op: MockOperation, check: CheckName, reason?: string) => void,
): Promise<void> {
  const factory = factoryFor(ctx, op);
  let base;
  try {
    base = factory.base(ctx.seed);
  } catch {
    base = undefined;
  }
  await positive(ctx, op, factory, base);
  for (const check of [...RESPONSE_CHECKS, "positive_data_acceptance" as const]) note(op, check);
  if (!base) {
    note(op, "negative_data_rejection", "no valid base request could be built");
  } else {
    await negative(ctx, op, factory, base);
    note(op, "negative_data_rejection");
  }
  if (!secured(ctx.doc, op))
    note(op, "ignored_auth", "the operation needs no credentials (or only ones HTTP cannot carry)");
  else if (!base) note(op, "ignored_auth", "no valid base request could be built");
  else {
    await ignoredAuth(ctx, op, base);
    note(op, "ignored_auth");
  }
}
