/**
 * One operation call: validate → serialise (parameters by style, body by media type) → authenticate → hooks →
 * send (timeout, abort, retries, redirects) → read (by media type or `parseAs`, bounded) → validate → data,
 * ApiError, or `{ data, error, response }`.
 */
import { applySecurity } from "./auth.js";
import { serialiseBody } from "./body.js";
import { checkHeaderValue } from "./encode.js";
import { ApiError, RequestError, ResponseTooLargeError, TimeoutError, ValidationError } from "./errors.js";
import { hookList, type Hooks } from "./hooks.js";
import type {
  ApiDescription,
  CallInput,
  CallOptions,
  ClientOptionsBase,
  Credentials,
  OperationSpec,
} from "./options.js";
import { paginate, type PaginationSpec } from "./paginate.js";
import { buildUrl, cookieHeader, headerParams } from "./request-parts.js";
import { DEFAULT_MAX_RESPONSE_BYTES, readResponse, type ParseAs } from "./read.js";
import { withRedirects } from "./redirect.js";
import { readResponseHeaders } from "./response-headers.js";
import { defaultEnvironment, resolveRetry, retryDelay, type RetryEnvironment } from "./retry.js";
import { eventSource, type ServerSentEvent, type SseOptions } from "./sse.js";
import { fetchTransport, type TransportRequest } from "./transport.js";
import { forValidation, report, validateRequest, validateResponse } from "./validate.js";
import type { OperationValidators } from "./validation.js";

export interface Runtime {
  call(op: OperationSpec, input: CallInput, options?: CallOptions): Promise<unknown>;
  paginate<Item>(
    op: OperationSpec,
    pagination: PaginationSpec,
    input: CallInput,
    options?: CallOptions,
  ): AsyncIterable<Item>;
  sse<T>(op: OperationSpec, input: CallInput, options?: CallOptions & SseOptions): AsyncIterable<ServerSentEvent<T>>;
}

const UNSAFE = new Set(["POST", "PATCH"]);

export function createRuntime(
  api: ApiDescription,
  options: ClientOptionsBase<boolean>,
  credentials: Credentials,
  clientHeaders: Readonly<Record<string, unknown>>,
): Runtime {
  const transport = options.transport ?? fetchTransport(options.fetch);
  const env: RetryEnvironment = { ...defaultEnvironment, ...options.retryEnvironment };
  const baseHeaders: Record<string, unknown> = {};
  for (const { option, name } of api.clientHeaders) baseHeaders[name] = clientHeaders[option];
  const hasBaseHeaders = api.clientHeaders.length > 0;

  let loading: Promise<Readonly<Record<string, OperationValidators>>> | undefined;
  let loaded: Readonly<Record<string, OperationValidators>> | undefined =
    options.validators ?? api.validators ?? (api.loadValidators ? undefined : {});
  /** The operation's validators; a promise only until validators.ts has been loaded once. */
  function validatorsOf(id: string): OperationValidators | undefined | Promise<OperationValidators | undefined> {
    if (loaded !== undefined) return Object.hasOwn(loaded, id) ? loaded[id] : undefined;
    loading ??= api.loadValidators!().then((table) => (loaded = table));
    return loading.then((table) => (Object.hasOwn(table, id) ? table[id] : undefined));
  }

  function call(op: OperationSpec, input: CallInput, callOptions: CallOptions = {}): Promise<unknown> {
    const throwOnError = callOptions.throwOnError ?? options.throwOnError ?? true;
    const hooks = hookList(options.hooks, callOptions.hooks);
    // Without hooks there is no one to tell about an error: no wrapper (one async frame less per call).
    return hooks.length === 0
      ? run(op, input, callOptions, hooks, throwOnError)
      : hooked(op, input, callOptions, hooks);
  }

  async function hooked(
    op: OperationSpec,
    input: CallInput,
    callOptions: CallOptions,
    hooks: Hooks[],
  ): Promise<unknown> {
    const throwOnError = callOptions.throwOnError ?? options.throwOnError ?? true;
    try {
      return await run(op, input, callOptions, hooks, throwOnError);
    } catch (error) {
      // Errors raised before sending (RequestError, request ValidationError) and network errors, timeouts and aborts
      // throw in both throwOnError modes (see ApiResult); the hooks see each one first.
      for (const hook of hooks) await hook.onError?.({ operationId: op.id, error });
      throw error;
    }
  }

  async function run(
    op: OperationSpec,
    input: CallInput,
    callOptions: CallOptions,
    hooks: Hooks[],
    throwOnError: boolean,
  ): Promise<unknown> {
    const mode = callOptions.validation ?? options.validation ?? "off";
    const found = mode === "off" ? undefined : validatorsOf(op.id);
    const validators = found instanceof Promise ? await found : found;
    const mediaType = pickMediaType(op, callOptions.contentType);
    const headerInput = merged(input.headers, callOptions.headers);
    if (validators && mode !== "off") {
      const issues = validateRequest(validators, {
        path: input.path ?? {},
        query: input.query ?? {},
        headers: validators.headers ? withoutUndefined({ ...baseHeaders, ...headerInput }) : {},
        body: forValidation(input.body),
        mediaType,
      });
      report(mode, { operationId: op.id, phase: "request", issues }, options.onValidationIssue);
    }
    const baseUrl = callOptions.baseUrl ?? options.baseUrl ?? api.defaultBaseUrl;
    if (!baseUrl) throw new RequestError(op.id, "no baseUrl: the document has no absolute server URL, pass `baseUrl`");
    const applied = applySecurity(op.id, op.security, api.securitySchemes, credentials);
    const auth = applied instanceof Promise ? await applied : applied;
    const url = input.url
      ? pageUrl(op.id, input.url, baseUrl, auth.query)
      : buildUrl(op, baseUrl, input.path ?? {}, input.query ?? {}, auth.query);
    const { body, contentType } = serialiseBody(
      input.body,
      mediaType,
      mediaType ? op.encoding?.[mediaType] : undefined,
      callOptions.partHeaders,
      op.id,
    );
    const headers: Record<string, string> = {};
    const setHeader = (name: string, value: string | undefined): void => {
      if (value !== undefined) headers[name] = checkHeaderValue(op.id, name, value);
    };
    const parseAs: ParseAs = callOptions.parseAs ?? "auto";
    if (op.accept && op.accept.length > 0) setHeader("Accept", op.accept.join(", "));
    if (contentType) setHeader("Content-Type", contentType);
    for (const [name, value] of headerParams(op, hasBaseHeaders ? merged(baseHeaders, headerInput) : headerInput)) {
      setHeader(name, value);
    }
    for (const [name, value] of Object.entries(auth.headers)) setHeader(name, value);
    setHeader("Cookie", cookieHeader(op, input.cookies ?? {}, auth.cookies));
    const idempotencyKey = idempotencyHeader(op, options.idempotencyKeys, headers);
    if (idempotencyKey) setHeader(idempotencyKey, callOptions.idempotencyKey ?? crypto.randomUUID());

    const method = op.method.toUpperCase();
    const policy = resolveRetry(op.idempotent || idempotencyKey !== undefined, options.retry, callOptions.retry);
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs;
    const limit = callOptions.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const redirect = callOptions.redirect ?? options.redirect ?? "follow";
    let response: Response;
    let data: unknown;
    for (let attempt = 0; ; attempt++) {
      let delay: number | undefined;
      try {
        const outcome = await withTimeout(op.id, timeoutMs, callOptions.signal, async (signal) => {
          const request: TransportRequest = { method, url, headers };
          if (signal) request.signal = signal;
          if (body !== undefined) request.body = body;
          const sent = await send(op.id, request, hooks, (r) => withRedirects(op.id, redirect, r, transport));
          if (policy && policy.statuses.includes(sent.status)) {
            const wait = retryDelay(policy, attempt, sent.headers.get("Retry-After"), env);
            if (wait !== undefined) {
              await sent.body?.cancel();
              return { response: sent, retryIn: wait };
            }
          }
          return { response: sent, data: await readResponse(op.id, sent, method, parseAs, limit) };
        });
        if ("retryIn" in outcome) delay = outcome.retryIn;
        else {
          response = outcome.response;
          data = outcome.data;
          break;
        }
      } catch (error) {
        if (callOptions.signal?.aborted || !isRetryable(error)) throw error;
        delay = policy ? retryDelay(policy, attempt, null, env) : undefined;
        if (delay === undefined) throw error;
      }
      await env.sleep(delay ?? 0, callOptions.signal);
    }

    const issues =
      validators && mode !== "off"
        ? validateResponse(
            op.id,
            validators,
            response.status,
            response.headers.get("Content-Type"),
            data,
            !isRawBody(data),
          )
        : NO_ISSUES;
    const event = issues.length > 0 ? { operationId: op.id, phase: "response" as const, issues, response } : undefined;
    if (!response.ok) {
      // The status is the news: strict mode attaches the issues to the ApiError rather than hiding it.
      if (mode === "warn" && event) report(mode, event, options.onValidationIssue, data);
      const declared = readResponseHeaders(op.responseHeaders, response.status, response.headers);
      const error = new ApiError(op.id, response.status, data, response, mode === "strict" ? issues : [], declared);
      if (throwOnError) throw error;
      return { data: undefined, error, response };
    }
    if (event) report(mode, event, options.onValidationIssue, data);
    if (throwOnError) return data;
    const declared = readResponseHeaders(op.responseHeaders, response.status, response.headers);
    return { status: response.status, data, headers: declared, error: undefined, response };
  }

  return {
    call,
    paginate<Item>(op: OperationSpec, spec: PaginationSpec, input: CallInput, callOptions: CallOptions = {}) {
      const pageOptions = { ...callOptions, throwOnError: false };
      return paginate<Item>(spec, { query: input.query ?? {} }, async (step) => {
        let next = input;
        if (step?.query) next = { ...input, query: { ...input.query, ...step.query } };
        if (step?.body) {
          const body = typeof input.body === "object" && input.body !== null ? input.body : {};
          next = { ...input, body: { ...body, ...step.body } };
        }
        if (step?.url) next = { ...input, url: step.url };
        const result = (await call(op, next, pageOptions)) as { data: unknown; error?: unknown; response: Response };
        if (result.error) throw result.error;
        const base = callOptions.baseUrl ?? options.baseUrl ?? api.defaultBaseUrl ?? "";
        return { data: result.data, response: result.response, url: result.response.url || step?.url || base };
      });
    },
    sse<T>(op: OperationSpec, input: CallInput, callOptions: CallOptions & SseOptions = {}) {
      const connect = async (lastEventId: string | undefined): Promise<ReadableStream<Uint8Array>> => {
        const headers =
          lastEventId === undefined ? callOptions.headers : { ...callOptions.headers, "Last-Event-ID": lastEventId };
        const stream = await call(op, input, { ...callOptions, headers, parseAs: "stream", throwOnError: true });
        if (!(stream instanceof ReadableStream)) throw new RequestError(op.id, "the event stream response has no body");
        return stream as ReadableStream<Uint8Array>;
      };
      return eventSource<T>(op.sse ?? { json: false }, connect, callOptions, callOptions.signal, env.sleep);
    },
  };
}

/** A next-page URL from the server: only on the API's own origin (credentials go with it), auth query kept. */
function pageUrl(operationId: string, next: string, baseUrl: string, authQuery: Record<string, string>): string {
  const target = new URL(next, baseUrl);
  if (target.origin !== new URL(baseUrl).origin) {
    throw new RequestError(operationId, `the next page is on another origin (${target.origin}); not following it`);
  }
  for (const [name, value] of Object.entries(authQuery)) {
    if (!target.searchParams.has(name)) target.searchParams.set(name, value);
  }
  return target.href;
}

/** One attempt through the hooks (skipped when there are none, so they cost nothing then). */
function send(
  operationId: string,
  request: TransportRequest,
  hooks: Hooks[],
  next: (request: TransportRequest) => Promise<Response>,
): Promise<Response> {
  return hooks.length === 0 ? next(request) : sendHooked(operationId, request, hooks, next);
}

async function sendHooked(
  operationId: string,
  request: TransportRequest,
  hooks: Hooks[],
  next: (request: TransportRequest) => Promise<Response>,
): Promise<Response> {
  let current = request;
  let asRequest: Request | undefined;
  for (const hook of hooks) {
    if (!hook.onRequest) continue;
    asRequest ??= toRequest(current);
    const replaced = await hook.onRequest({ operationId, request: asRequest });
    if (replaced instanceof Request) {
      asRequest = replaced;
      current = fromRequest(replaced, request.signal);
    }
  }
  let response = await next(current);
  for (const hook of hooks) {
    if (!hook.onResponse) continue;
    asRequest ??= toRequest(current);
    const replaced = await hook.onResponse({ operationId, request: asRequest, response });
    if (replaced instanceof Response) response = replaced;
  }
  return response;
}

function toRequest(request: TransportRequest): Request {
  // The hook sees the request without a streaming body (reading it would consume the caller's stream).
  const streaming = typeof ReadableStream !== "undefined" && request.body instanceof ReadableStream;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && !streaming ? { body: request.body } : {}),
  });
}

function fromRequest(request: Request, signal: AbortSignal | undefined): TransportRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const out: TransportRequest = { method: request.method, url: request.url, headers };
  if (signal) out.signal = signal;
  if (request.body) out.body = request.body;
  return out;
}

/** The caller's choice when the operation documents it, else the default (first JSON-like) media type. */
function pickMediaType(op: OperationSpec, wanted: string | undefined): string | undefined {
  if (wanted === undefined) return op.requestMedia?.[0];
  if (op.requestMedia && !op.requestMedia.includes(wanted)) {
    throw new RequestError(op.id, `contentType ${wanted} is not documented; use one of ${op.requestMedia.join(", ")}`);
  }
  return wanted;
}

function idempotencyHeader(
  op: OperationSpec,
  option: boolean | string | undefined,
  headers: Record<string, string>,
): string | undefined {
  const name =
    op.idempotencyHeader ?? (option === true ? "Idempotency-Key" : typeof option === "string" ? option : undefined);
  if (name === undefined || !UNSAFE.has(op.method.toUpperCase())) return undefined;
  const lower = name.toLowerCase();
  return Object.keys(headers).some((h) => h.toLowerCase() === lower) ? undefined : name;
}

function isRetryable(error: unknown): boolean {
  return !(
    error instanceof RequestError ||
    error instanceof ValidationError ||
    error instanceof ResponseTooLargeError ||
    (error instanceof TypeError && /header/i.test(error.message))
  );
}

function isRawBody(data: unknown): boolean {
  return (
    data instanceof Blob ||
    data instanceof ArrayBuffer ||
    (typeof ReadableStream !== "undefined" && data instanceof ReadableStream)
  );
}

/** Aborts the attempt after `timeoutMs` (TimeoutError) or when the caller's signal fires (the caller's reason). */
function withTimeout<T>(
  operationId: string,
  timeoutMs: number | undefined,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) return Promise.reject(outer.reason as Error);
  // No deadline: the caller's signal (or none: fetch then sets up no abort handling at all) is all there is.
  if (timeoutMs === undefined) return run(outer);
  return withDeadline(operationId, timeoutMs, outer, run);
}

async function withDeadline<T>(
  operationId: string,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  // The caller's signal stays linked after the attempt, so it can still abort a body read as a stream.
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  const timer = setTimeout(() => controller.abort(new TimeoutError(operationId, timeoutMs)), timeoutMs);
  try {
    return await run(signal);
  } catch (error) {
    const reason: unknown = signal.reason;
    if (signal.aborted && reason !== undefined) throw reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const NO_ISSUES: never[] = [];

/** `{ ...a, ...b }` without a copy when either side is absent (the common call passes no headers at all). */
function merged(
  a: Readonly<Record<string, unknown>> | undefined,
  b: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  if (b === undefined) return (a ?? NO_VALUES) as Record<string, unknown>;
  if (a === undefined) return b as Record<string, unknown>;
  return { ...a, ...b };
}

const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
