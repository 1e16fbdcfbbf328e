/**
 * One operation call: validate → encode → authenticate → send (with timeout, abort and retries) → decode →
 * validate → data, ApiError or `{ data, error, response }`.
 */
import { applySecurity } from "./auth.js";
import { decodeBody, serialiseBody } from "./body.js";
import { buildPath, checkHeaderValue, headerString } from "./encode.js";
import { ApiError, RequestError, TimeoutError } from "./errors.js";
import type {
  ApiDescription,
  CallInput,
  CallOptions,
  ClientOptionsBase,
  Credentials,
  OperationSpec,
} from "./options.js";
import { paginate, type PaginationSpec } from "./paginate.js";
import { defaultEnvironment, resolveRetry, retryDelay, type RetryEnvironment } from "./retry.js";
import { openapiFetchTransport, type TransportResponse } from "./transport.js";
import { report, validateRequest, validateResponse } from "./validate.js";
import type { OperationValidators } from "./validation.js";

export interface Runtime {
  call(op: OperationSpec, input: CallInput, options?: CallOptions): Promise<unknown>;
  paginate<Item>(
    op: OperationSpec,
    pagination: PaginationSpec,
    input: CallInput,
    options?: CallOptions,
  ): AsyncIterable<Item>;
}

export function createRuntime(
  api: ApiDescription,
  options: ClientOptionsBase<boolean>,
  credentials: Credentials,
  clientHeaders: Readonly<Record<string, unknown>>,
): Runtime {
  const transport = options.transport ?? openapiFetchTransport(options.fetch);
  const env: RetryEnvironment = { ...defaultEnvironment, ...options.retryEnvironment };
  const baseHeaders: Record<string, unknown> = {};
  for (const { option, name } of api.clientHeaders) baseHeaders[name] = clientHeaders[option];

  let loading: Promise<Readonly<Record<string, OperationValidators>>> | undefined;
  async function validatorsOf(id: string): Promise<OperationValidators | undefined> {
    const table =
      options.validators ?? api.validators ?? (api.loadValidators && (await (loading ??= api.loadValidators())));
    return table?.[id];
  }

  async function call(op: OperationSpec, input: CallInput, callOptions: CallOptions = {}): Promise<unknown> {
    const mode = callOptions.validation ?? options.validation ?? "off";
    const validators = mode === "off" ? undefined : await validatorsOf(op.id);
    const headerValues = { ...baseHeaders, ...input.headers };
    if (validators && mode !== "off") {
      const issues = validateRequest(validators, {
        path: input.path ?? {},
        query: input.query ?? {},
        headers: withoutUndefined(headerValues),
        body: input.body,
        mediaType: op.requestMediaType,
      });
      report(mode, { operationId: op.id, phase: "request", issues }, options.onValidationIssue);
    }
    const baseUrl = callOptions.baseUrl ?? options.baseUrl ?? api.defaultBaseUrl;
    if (!baseUrl) throw new RequestError(op.id, "no baseUrl: the document has no absolute server URL, pass `baseUrl`");
    const path = buildPath(op.id, op.path, input.path ?? {});
    const auth = await applySecurity(op.id, op.security, api.securitySchemes, credentials);
    const { body, contentType } = serialiseBody(input.body, op.requestMediaType);
    const headers: Record<string, string> = {};
    const setHeader = (name: string, value: unknown): void => {
      const text = headerString(value);
      if (text !== undefined) headers[name] = checkHeaderValue(op.id, name, text);
    };
    if (op.accept && op.accept.length > 0) setHeader("Accept", op.accept.join(", "));
    if (contentType) setHeader("Content-Type", contentType);
    for (const [name, value] of Object.entries(headerValues)) setHeader(name, value);
    for (const [name, value] of Object.entries(auth.headers)) setHeader(name, value);
    const cookies = [...cookiePairs(input.cookies), ...auth.cookies];
    if (cookies.length > 0) setHeader("Cookie", cookies.join("; "));
    const query = { ...input.query, ...auth.query };

    const policy = resolveRetry(op.idempotent, options.retry, callOptions.retry);
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs;
    let result: TransportResponse;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await withTimeout(op.id, timeoutMs, callOptions.signal, (signal) =>
          transport({ method: op.method.toUpperCase(), baseUrl, path, query, headers, body, signal }),
        );
      } catch (error) {
        if (callOptions.signal?.aborted || error instanceof RequestError) throw error;
        const delay = policy ? retryDelay(policy, attempt, null, env) : undefined;
        if (delay === undefined) throw error;
        await env.sleep(delay, callOptions.signal);
        continue;
      }
      const { response } = result;
      if (!policy || !policy.statuses.includes(response.status)) break;
      const delay = retryDelay(policy, attempt, response.headers.get("Retry-After"), env);
      if (delay === undefined) break;
      await env.sleep(delay, callOptions.signal);
    }

    const { response } = result;
    const data = decodeBody(result.body, response.headers.get("Content-Type"));
    const issues =
      validators && mode !== "off"
        ? validateResponse(op.id, validators, response.status, response.headers.get("Content-Type"), data)
        : [];
    const event = { operationId: op.id, phase: "response" as const, issues, response };
    const throwOnError = callOptions.throwOnError ?? options.throwOnError ?? true;
    if (!response.ok) {
      // The status is the news: strict mode attaches the issues to the ApiError rather than hiding it.
      if (mode === "warn") report(mode, event, options.onValidationIssue, data);
      const error = new ApiError(op.id, response.status, data, response, mode === "strict" ? issues : []);
      if (throwOnError) throw error;
      return { data: undefined, error, response };
    }
    report(mode, event, options.onValidationIssue, data);
    return throwOnError ? data : { data, error: undefined, response };
  }

  return {
    call,
    paginate<Item>(op: OperationSpec, spec: PaginationSpec, input: CallInput, callOptions: CallOptions = {}) {
      const pageOptions = { ...callOptions, throwOnError: true };
      return paginate<Item>(spec, (cursor) => {
        if (cursor === undefined) return call(op, input, pageOptions);
        if (spec.cursorIn === "query") {
          return call(op, { ...input, query: { ...input.query, [spec.cursorParam]: cursor } }, pageOptions);
        }
        const body = typeof input.body === "object" && input.body !== null ? input.body : {};
        return call(op, { ...input, body: { ...body, [spec.cursorParam]: cursor } }, pageOptions);
      });
    },
  };
}

/** Aborts the attempt after `timeoutMs` (TimeoutError) or when the caller's signal fires (the caller's reason). */
async function withTimeout<T>(
  operationId: string,
  timeoutMs: number | undefined,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) throw outer.reason;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new TimeoutError(operationId, timeoutMs)), timeoutMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    if (controller.signal.aborted && reason !== undefined) throw reason;
    throw error;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  }
}

/** Cookie parameters as `name=value` pairs, both percent-encoded so `;`, `=` or spaces cannot split the header. */
function cookiePairs(values: Record<string, unknown> | undefined): string[] {
  return Object.entries(values ?? {}).flatMap(([name, value]) => {
    const text = headerString(value);
    return text === undefined ? [] : [`${encodeURIComponent(name)}=${encodeURIComponent(text)}`];
  });
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
