/** What every check of one run shares: the document, its schemas, the server, credentials, findings. */
import type { MockOperation } from "../mock/operation-types.js";
import type { SchemaRegistry } from "../mock/schemas.js";
import { authorise, chooseRequirement, type Credentials } from "./credentials.js";
import { documentedKey, judgedSchema, judgeResponse, type Finding } from "./judge.js";
import { RequestFactory, generatedParams } from "./requests.js";
import type { Sender } from "./sender.js";
import type { CheckName, Exchange, Failure, Parts, Verdict, WireRequest } from "./types.js";
import { curlOf, toWire } from "./wire.js";

export interface RunContext {
  doc: Record<string, unknown>;
  registry: SchemaRegistry;
  server: string;
  sender: Sender;
  seed: number;
  credentials: Credentials;
  /** Whether the credentials are real (given, or the mock's): only then can "invalid" be judged. */
  credentialsKnown: boolean;
  headers: Record<string, string>;
  /** `location:name` of parameters the engine must not generate (credentials, --header). */
  reserved: ReadonlySet<string>;
  failures: Failure[];
  /** `operation status-key` pairs seen. */
  seen: Set<string>;
  /** Property runs per operation. */
  runs: number;
  onVerdict?: ((verdict: Verdict) => void) | undefined;
}

export function factoryFor(ctx: RunContext, op: MockOperation): RequestFactory {
  return new RequestFactory(ctx.registry, op, generatedParams(op, ctx.reserved));
}

/** The wire request for `parts`, with the user's headers and (unless told otherwise) credentials. */
export function wire(
  ctx: RunContext,
  op: MockOperation,
  parts: Parts,
  credentials: Credentials | undefined = ctx.credentials,
): WireRequest {
  const request = toWire(ctx.server, op, parts, { ...ctx.headers });
  if (!credentials) return request;
  return authorise(ctx.doc, request, chooseRequirement(op.security, credentials), credentials);
}

/** Sends and runs the stateless response checks; records which documented status was seen. */
export async function exchangeChecked(
  ctx: RunContext,
  op: MockOperation,
  request: WireRequest,
): Promise<{ exchange: Exchange; findings: Finding[] }> {
  const exchange = await ctx.sender.send(request);
  const key = documentedKey(op, exchange.status);
  if (key !== undefined) ctx.seen.add(`${op.id} ${key}`);
  const findings = judgeResponse(ctx.registry, op, exchange);
  ctx.onVerdict?.({ operation: op.id, exchange, schema: judgedSchema(op, exchange), findings });
  return { exchange, findings };
}

export function fail(
  ctx: RunContext,
  op: MockOperation,
  check: CheckName,
  message: string,
  requests: WireRequest[],
  extra: { input?: Parts; status?: number } = {},
): void {
  // One report per operation and check: the first (for positive requests, the shrunk one); the rest are counted.
  const same = ctx.failures.find((f) => f.operation === op.id && f.check === check);
  if (same) {
    same.similar = (same.similar ?? 0) + 1;
    return;
  }
  ctx.failures.push({ operation: op.id, check, message, seed: ctx.seed, curl: requests.map(curlOf), ...extra });
}
