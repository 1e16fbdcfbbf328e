/**
 * The only way the engine talks to the network: every request goes to the server under test (checked per
 * request), within a request budget and a deadline, each with its own timeout, redirects never followed.
 */
import type { Exchange, WireRequest } from "./types.js";

export class BudgetExhausted extends Error {}

export interface SenderOptions {
  server: string;
  maxRequests: number;
  /** Whole-run deadline, ms since the epoch. */
  deadline: number;
  requestTimeoutMs?: number;
  /** Sees every exchange (tests compare verdicts with an independent judge). */
  observe?: (exchange: Exchange) => void;
}

export class Sender {
  sent = 0;
  stoppedBy: string | undefined;
  private readonly origin: string;

  constructor(private readonly options: SenderOptions) {
    this.origin = new URL(options.server).origin;
  }

  /** True while requests may still be sent. */
  get open(): boolean {
    if (this.sent >= this.options.maxRequests) this.stoppedBy ??= `--max-requests ${this.options.maxRequests} reached`;
    else if (Date.now() > this.options.deadline) this.stoppedBy ??= "--time-limit reached";
    return this.stoppedBy === undefined;
  }

  async send(request: WireRequest): Promise<Exchange> {
    if (!this.open) throw new BudgetExhausted(this.stoppedBy);
    if (new URL(request.url).origin !== this.origin) {
      throw new Error(`refusing to contact ${request.url}: only ${this.origin} is under test`);
    }
    this.sent++;
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const exchange: Exchange = { request, status: response.status, headers, text };
    this.options.observe?.(exchange);
    return exchange;
  }
}

/** A connection-level failure (refused, reset, DNS, timeout), as opposed to an HTTP answer. */
export function unreachable(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error.name === "TimeoutError") return "the request timed out";
  if (error instanceof TypeError && cause) return cause.code ?? cause.message ?? error.message;
  return undefined;
}
