/**
 * Positive requests, property-based: valid requests drawn with fast-check (seeded), each answer run through the
 * response checks and `positive_data_acceptance`. A failing request is shrunk by fast-check to a minimal one,
 * within a request allowance so shrinking cannot eat the whole budget.
 */
import fc from "fast-check";
import type { MockOperation } from "../mock/operation-types.js";
import { exchangeChecked, fail, wire, type RunContext } from "./context.js";
import type { Finding } from "./judge.js";
import type { RequestFactory } from "./requests.js";
import { shrink } from "./shrink.js";
import { BudgetExhausted, unreachable } from "./sender.js";
import type { Exchange, Parts, WireRequest } from "./types.js";

/** Refusals that say "your request is invalid": wrong for a request the document allows. */
const INVALID_REQUEST = new Set([400, 405, 413, 415, 422]);
const SHRINK_ALLOWANCE = 150;

export function acceptance(ctx: RunContext, op: MockOperation, exchange: Exchange): Finding[] {
  if (INVALID_REQUEST.has(exchange.status))
    return [
      {
        check: "positive_data_acceptance",
        message: `a request valid against the document was refused with ${exchange.status}`,
      },
    ];
  const secured = op.security.length > 0 && !op.security.some((r) => Object.keys(r).length === 0);
  if (ctx.credentialsKnown && secured && (exchange.status === 401 || exchange.status === 403))
    return [{ check: "positive_data_acceptance", message: `valid credentials were refused with ${exchange.status}` }];
  return [];
}

/** Sends one request and judges it; a connection dropped without an answer counts as a server error. */
export async function probe(
  ctx: RunContext,
  op: MockOperation,
  request: WireRequest,
): Promise<{ exchange?: Exchange; findings: Finding[] }> {
  try {
    const { exchange, findings } = await exchangeChecked(ctx, op, request);
    return { exchange, findings: [...findings, ...acceptance(ctx, op, exchange)] };
  } catch (error) {
    if (error instanceof BudgetExhausted) throw error;
    const why = unreachable(error);
    if (why === undefined) throw error;
    return { findings: [{ check: "not_a_server_error", message: `no answer: ${why}` }] };
  }
}

export async function positive(ctx: RunContext, op: MockOperation, factory: RequestFactory, base: Parts | undefined) {
  const start = ctx.sender.sent;
  let last: { parts: Parts; request: WireRequest; findings: Finding[]; status?: number } | undefined;
  const property = fc.asyncProperty(factory.arbitrary(), async (parts) => {
    // Out of budget (or of this operation's shrinking allowance): stop finding new failures.
    if (!ctx.sender.open || ctx.sender.sent - start > ctx.runs + SHRINK_ALLOWANCE) return true;
    const request = wire(ctx, op, parts);
    let outcome;
    try {
      outcome = await probe(ctx, op, request);
    } catch (error) {
      if (error instanceof BudgetExhausted) return true;
      throw error;
    }
    if (outcome.findings.length === 0) return true;
    last = { parts, request, findings: outcome.findings, status: outcome.exchange?.status };
    return false;
  });
  const result = await fc.check(property, {
    seed: ctx.seed,
    numRuns: ctx.runs,
    examples: base ? [[base], ...factory.edges(base).map((e) => [e] as [Parts])] : [],
    // Filters on rare shapes can skip a lot; the budget, not fast-check, bounds the work.
    maxSkipsPerRun: 1000,
  });
  if (result.failed && last) {
    let found = last;
    if (base) {
      const check = found.findings[0]!.check;
      await shrink(
        found.parts,
        base,
        (p) => factory.valid(p),
        async (parts) => {
          if (!ctx.sender.open) return false;
          const request = wire(ctx, op, parts);
          const outcome = await probe(ctx, op, request);
          if (!outcome.findings.some((f) => f.check === check)) return false;
          found = { parts, request, findings: outcome.findings, status: outcome.exchange?.status };
          return true;
        },
      );
    }
    for (const finding of dedupe(found.findings)) {
      fail(ctx, op, finding.check, finding.message, [found.request], { input: found.parts, status: found.status });
    }
  } else if (result.failed && result.errorInstance) {
    throw result.errorInstance;
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.check) && seen.add(f.check));
}
