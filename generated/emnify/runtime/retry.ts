/**
 * Retry policy: exponential backoff with full jitter, honouring `Retry-After`. On by default only for idempotent
 * methods, because replaying a POST can create a second resource. Clock, sleep and randomness are injectable so
 * tests are exact and never wait.
 */
export interface RetryOptions {
  /** Additional attempts after the first (default 2). */
  retries?: number;
  /** First backoff step (default 300 ms); doubles per attempt. */
  baseDelayMs?: number;
  /** Upper bound of one wait (default 10 000 ms). A `Retry-After` longer than this stops retrying. */
  maxDelayMs?: number;
  /** Also retry POST/PATCH (default false: only idempotent methods are retried). */
  nonIdempotent?: boolean;
  /** Statuses worth another attempt (default 408, 425, 429, 500, 502, 503, 504). */
  statuses?: readonly number[];
}

export interface RetryEnvironment {
  /** Milliseconds since the epoch (default Date.now). */
  now: () => number;
  /** Waits, rejecting with the signal's reason when aborted (default setTimeout-based). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1) (default Math.random). */
  random: () => number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  nonIdempotent: false,
  statuses: [408, 425, 429, 500, 502, 503, 504],
};

export const defaultEnvironment: RetryEnvironment = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

const policies = new WeakMap<RetryOptions, Required<RetryOptions>>();

/** The client's policy, merged once per options object rather than on every call. */
function clientPolicy(client: RetryOptions | undefined): Required<RetryOptions> {
  if (client === undefined) return DEFAULT_RETRY;
  let policy = policies.get(client);
  if (policy === undefined) policies.set(client, (policy = { ...DEFAULT_RETRY, ...client }));
  return policy;
}

/** Merges client and call options; `false` anywhere on the way disables retries. */
export function resolveRetry(
  idempotent: boolean,
  client: RetryOptions | false | undefined,
  call: RetryOptions | false | undefined,
): Required<RetryOptions> | undefined {
  if (client === false || call === false) return undefined;
  const merged = call === undefined ? clientPolicy(client) : { ...DEFAULT_RETRY, ...client, ...call };
  if (!idempotent && !merged.nonIdempotent) return undefined;
  return merged.retries > 0 ? merged : undefined;
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0), or undefined to stop.
 * `Retry-After` (seconds or an HTTP date) wins over backoff; beyond `maxDelayMs` it ends the retries.
 */
export function retryDelay(
  policy: Required<RetryOptions>,
  attempt: number,
  retryAfter: string | null,
  env: RetryEnvironment,
): number | undefined {
  if (attempt >= policy.retries) return undefined;
  const server = parseRetryAfter(retryAfter, env.now());
  if (server !== undefined) return server <= policy.maxDelayMs ? server : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(env.random() * ceiling);
}

export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
