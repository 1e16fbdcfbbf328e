/**
 * Builds the mock's answer to a valid request: the documented status (or the one a test asked for), and a body
 * that validates against the response schema, echoing what the request sent where the schema has room for it.
 */
import { follow } from "../openapi/pointer.js";
import { kindOf } from "./media.js";
import { paginate, type PageAsked, type PagedBody } from "./paginate.js";
import type { MockMedia, MockOperation, MockPagination, MockResponse } from "./operation-types.js";
import type { Check, Issue, SchemaRegistry } from "./schemas.js";
import { synthesize } from "./synth.js";
import { violate } from "./violate.js";
import { echo } from "./echo.js";
import { serialiseHeader } from "../runtime/params.js";

export interface Reply {
  status: number;
  /** Documented response headers: each with its example or a synthesised value. */
  headers?: Record<string, string>;
  mediaType?: string;
  body?: unknown;
  /** Set when the body was made to violate the schema on request: what was done. */
  violation?: string;
}

export interface ReplyRequest {
  pathParams: Record<string, string>;
  /** The page a list request asked for (paginated operations only). */
  page?: PageAsked;
  body: unknown;
  /** A binary request body, echoed by a binary response. */
  bytes?: Uint8Array;
  bytesType?: string;
  accept?: string;
  invalid: boolean;
  /** The mock's data seed (realistic values vary with it, deterministically). */
  seed?: number;
}

const NO_BODY = new Set([204, 205, 304]);

/** The documented response for a status: exact, then its class (`4XX`), then `default`. */
export function responseFor(op: MockOperation, status: number): MockResponse | undefined {
  const code = String(status);
  return (
    op.responses.find((r) => r.status === code) ??
    op.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ??
    op.responses.find((r) => r.status === "default")
  );
}

/** The status a valid request gets: the lowest documented 2XX (a class or `default` means 200). */
export function successStatus(op: MockOperation): number {
  const exact = op.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300);
  if (exact.length > 0) return Math.min(...exact);
  if (op.responses.some((r) => /^2XX$/i.test(r.status) || r.status === "default")) return 200;
  const first = op.responses.map((r) => Number(r.status)).find((s) => Number.isInteger(s));
  return first ?? 200;
}

export function buildReply(registry: SchemaRegistry, op: MockOperation, status: number, request: ReplyRequest): Reply {
  const response = responseFor(op, status);
  const reply = bodyReply(registry, op, response, status, request);
  const documented = response ? documentedHeaders(registry, response) : {};
  // Link pagination: the paging answer owns `Link` (absent on the last page), never a synthesised sample.
  if (op.pagination?.style === "link" && status < 300)
    for (const name of Object.keys(documented)) if (name.toLowerCase() === "link") delete documented[name];
  const headers = { ...documented, ...reply.headers };
  return Object.keys(headers).length > 0 ? { ...reply, headers } : reply;
}

/** Headers that frame the message: a document may describe them, but the mock's own values must stand. */
const FRAMING = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "connection",
  "keep-alive",
  "trailer",
  "upgrade",
]);

/**
 * Every documented header (optional ones too, so a client's header reading is exercised), its example or a value
 * synthesised from its schema, written by the client's own header rules (runtime/params.ts: simple style, explode,
 * `content` as JSON).
 */
function documentedHeaders(registry: SchemaRegistry, response: MockResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of response.headers) {
    if (FRAMING.has(header.name.toLowerCase())) continue;
    const schema = header.schema ? follow(registry.document, header.schema).value : undefined;
    const value = header.example ?? synthesize(registry.document, schema);
    if (value === undefined) continue;
    const spec = {
      in: "header" as const,
      name: header.name,
      ...(header.explode !== undefined ? { explode: header.explode } : {}),
      ...(header.json ? { content: "application/json" } : {}),
    };
    const text = serialiseHeader(spec, value);
    // Header values must be visible ASCII: anything else in a document's example is left out, not sent broken.
    if (/^[\x20-\x7e]*$/.test(text) && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header.name)) out[header.name] = text;
  }
  return out;
}

function bodyReply(
  registry: SchemaRegistry,
  op: MockOperation,
  response: MockResponse | undefined,
  status: number,
  request: ReplyRequest,
): Reply {
  const media = response ? pickMedia(response.content, request.accept, request.bytesType) : undefined;
  if (!media || NO_BODY.has(status)) {
    return request.invalid ? violateEmpty(status) : { status };
  }
  if (kindOf(media.mediaType) === "binary") {
    // Bytes have no schema to violate: an upload is echoed byte for byte, otherwise fixed sample bytes are sent.
    const mediaType = media.mediaType.includes("*")
      ? (request.bytesType ?? "application/octet-stream")
      : media.mediaType;
    return { status, mediaType, body: request.bytes ?? sampleBytes(mediaType) };
  }
  const check = media.schema ? registry.check(media.schema, { direction: "response", prefix: "" }) : undefined;
  const { body, headers } = validBody(registry, media, check, request, status < 300 ? op.pagination : undefined);
  if (!request.invalid) return { status, mediaType: media.mediaType, body, ...(headers ? { headers } : {}) };
  const broken = check ? violate(body, check) : undefined;
  if (!broken) return violateEmpty(status);
  return { status, mediaType: media.mediaType, body: broken.value, violation: broken.what };
}

/** A 1×1 PNG for image/png (a real image), else the 256 byte values in order: deterministic, and not UTF-8. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

export function sampleBytes(mediaType: string): Uint8Array {
  if (mediaType.toLowerCase() === "image/png") return Uint8Array.from(Buffer.from(PNG_1X1, "base64"));
  return Uint8Array.from({ length: 256 }, (_, i) => i);
}

/** A response with no documented body can only be violated by sending an undocumented one. */
function violateEmpty(status: number): Reply {
  return {
    status: NO_BODY.has(status) ? 200 : status,
    mediaType: "application/json",
    body: { "x-mock-invalid": true },
    violation: NO_BODY.has(status) ? `undocumented status 200 instead of ${status}` : "undocumented response body",
  };
}

function pickMedia(content: MockMedia[], accept: string | undefined, uploaded?: string): MockMedia | undefined {
  const wanted = (accept ?? "").split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  return (
    (uploaded ? content.find((m) => m.mediaType.toLowerCase() === uploaded) : undefined) ??
    content.find((m) => wanted.includes(m.mediaType.toLowerCase())) ??
    content.find((m) => kindOf(m.mediaType) === "json") ??
    content[0]
  );
}

function validBody(
  registry: SchemaRegistry,
  media: MockMedia,
  check: Check | undefined,
  request: ReplyRequest,
  pagination: MockPagination | undefined,
): PagedBody {
  const schema = media.schema ? follow(registry.document, media.schema).value : undefined;
  const valid = (value: unknown): boolean => !check || check.run(value).issues.length === 0;
  const base = baseBody(registry, media, schema, check, request.seed ?? 0);
  const echoed = echo(registry.document, structuredClone(base), schema, request);
  const body = valid(echoed) ? echoed : base;
  if (!pagination || !request.page) return { body };
  // A next cursor or URL the schema requires cannot be removed on the last page: null or empty instead.
  for (const noNext of [undefined, null, ""] as const) {
    const paged = paginate(body, pagination, request.page, noNext);
    if (valid(paged.body)) return paged;
  }
  return { body };
}

/** The example or synthesised body of a media type, chosen once: large schemas (Stripe) make this the costly part. */
const baseBodies = new WeakMap<MockMedia, unknown>();
const ATTEMPTS = 8;

function baseBody(
  registry: SchemaRegistry,
  media: MockMedia,
  schema: unknown,
  check: Check | undefined,
  seed: number,
): unknown {
  if (baseBodies.has(media)) return baseBodies.get(media);
  const base = chooseBody(registry, media, schema, check, seed);
  baseBodies.set(media, base);
  return base;
}

/**
 * The spec's example when it validates; otherwise synthesis, with the document's nested examples and without,
 * then retrying the next option wherever a `oneOf`/`anyOf` failed (a first option that also matches a sibling
 * breaks `oneOf`). Falls back to the last attempt, with a warning, rather than failing the request.
 */
function chooseBody(
  registry: SchemaRegistry,
  media: MockMedia,
  schema: unknown,
  check: Check | undefined,
  seed: number,
): unknown {
  const issuesOf = (value: unknown) => (check ? check.run(value).issues : []);
  if (media.example !== undefined && issuesOf(media.example).length === 0) return media.example;
  const choices = new Map<string, number>();
  let last: unknown = media.example;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let failed: Issue[] = [];
    for (const examples of [true, false]) {
      last = synthesize(registry.document, schema, { examples, choices, seed });
      failed = issuesOf(last);
      if (failed.length === 0) return last;
    }
    const branches = failed.filter((i) => i.keyword === "oneOf" || i.keyword === "anyOf").map((i) => i.path);
    if (branches.length === 0) break;
    for (const at of new Set(branches)) choices.set(at, (choices.get(at) ?? 0) + 1);
  }
  registry.warn(
    `no example or synthesised value validates against #${decodeURIComponent(media.schema ?? "")}; sent anyway`,
  );
  return last;
}
