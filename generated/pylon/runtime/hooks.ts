/**
 * Middleware hooks, on the client and per call (client hooks run first). `onRequest` sees every attempt as a
 * Request and may return a replacement; `onResponse` sees every response (before retries are decided) and may
 * return a replacement; `onError` sees every error a call throws (network, timeout, abort, refusal before sending,
 * validation, and ApiError when throwOnError is on), e.g. for logging. Hooks are skipped entirely when none is
 * set, so they cost nothing then.
 */
export interface RequestContext {
  operationId: string;
  request: Request;
}

export interface ResponseContext extends RequestContext {
  response: Response;
}

export interface ErrorContext {
  operationId: string;
  error: unknown;
}

type MaybePromise<T> = T | Promise<T>;

export interface Hooks {
  onRequest?: (context: RequestContext) => MaybePromise<Request | undefined | void>;
  onResponse?: (context: ResponseContext) => MaybePromise<Response | undefined | void>;
  onError?: (context: ErrorContext) => MaybePromise<void>;
}

const NO_HOOKS: Hooks[] = [];

/** Client hooks, then the call's; the shared empty list when there are none (the common case, allocation-free). */
export function hookList(client: Hooks | undefined, call: Hooks | undefined): Hooks[] {
  if (client === undefined) return call === undefined ? NO_HOOKS : [call];
  return call === undefined ? [client] : [client, call];
}
