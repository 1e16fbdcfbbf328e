/**
 * The request body against the operation's documented media types: JSON, forms (honouring the `encoding`
 * object's style/explode), multipart (multipart.ts), text, and binary (accepted as bytes, kept for echoing).
 */
import { parseQuery, queryPairs, type ValueKind } from "../runtime/params.js";
import { BodyError, decodeUtf8, essence, kindOf, parseBody, selectMedia } from "./media.js";
import { parseMultipart } from "./multipart.js";
import { follow, isRecord } from "../openapi/pointer.js";
import type { MockMedia, MockOperation } from "./operation-types.js";
import type { Issue, SchemaRegistry } from "./schemas.js";

export interface CheckedBody {
  /** The parsed (and coerced) value, for echoing into the response. */
  value: unknown;
  /** Raw bytes of a binary body (echoed by binary responses). */
  bytes?: Uint8Array;
  mediaType?: string;
}

export async function checkBody(
  registry: SchemaRegistry,
  op: MockOperation,
  contentType: string | undefined,
  bytes: Buffer,
  issues: Issue[],
): Promise<CheckedBody> {
  if (!op.body) return { value: undefined };
  if (bytes.length === 0) {
    if (op.body.required) issues.push({ path: "/body", keyword: "required", message: "a request body is required" });
    return { value: undefined };
  }
  const documented = op.body.content.map((m) => m.mediaType).join(", ");
  if (!contentType) throw new BodyError(415, `missing Content-Type; ${op.id} accepts ${documented}`);
  const media = selectMedia(op.body.content, contentType);
  if (!media)
    throw new BodyError(
      415,
      `Content-Type ${essence(contentType)} is not accepted by ${op.id}; it accepts ${documented}`,
    );
  const kind = kindOf(essence(contentType) === "" ? media.mediaType : contentType);
  const schema = media.schema ? follow(registry.document, media.schema).value : undefined;
  let value: unknown;
  let echoed: unknown;
  if (kind === "binary") return { value: undefined, bytes, mediaType: essence(contentType) };
  if (kind === "multipart") {
    const parts = await parseMultipart(bytes, contentType, {
      doc: registry.document,
      ...(media.encoding ? { encoding: media.encoding } : {}),
      ...(isRecord(schema) ? { schema } : {}),
    });
    issues.push(...parts.issues);
    value = parts.value;
    echoed = parts.echo;
  } else {
    value = parseBody(kind, bytes);
    if (kind === "form" && media.encoding && isRecord(value))
      value = styledFields(registry, media, schema, bytes, value, issues);
  }
  if (value === undefined || !media.schema) return { value: echoed ?? value };
  const result = registry
    .check(media.schema, { direction: "request", coerce: kind === "form" || kind === "multipart", prefix: "/body" })
    .run(value);
  issues.push(...result.issues);
  return { value: echoed ?? result.value };
}

/** Form fields whose `encoding` gives a style or explode are re-read with the parameter rules (params.ts). */
function styledFields(
  registry: SchemaRegistry,
  media: MockMedia,
  schema: unknown,
  bytes: Buffer,
  value: Record<string, unknown>,
  issues: Issue[],
): Record<string, unknown> {
  const props = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  const pairs = queryPairs(decodeUtf8(bytes));
  const out = { ...value };
  for (const [name, raw] of Object.entries(media.encoding ?? {})) {
    if (!isRecord(raw) || (raw.style === undefined && raw.explode === undefined)) continue;
    // deepObject fields keep the bounded nested reading of parseBody (`billing[address][line1]`, as Stripe sends):
    // the parameter rules define one level only, and would drop the nested members.
    if (raw.style === "deepObject") continue;
    const prop = props[name];
    const resolved =
      isRecord(prop) && typeof prop.$ref === "string"
        ? follow(registry.document, prop.$ref.replace(/^[^#]*#/, "")).value
        : prop;
    const kind: ValueKind =
      isRecord(resolved) && resolved.type === "array"
        ? "array"
        : isRecord(resolved) && resolved.type === "object"
          ? "object"
          : "scalar";
    const parsed = parseQuery(
      {
        in: "query",
        name,
        ...(typeof raw.style === "string" ? { style: raw.style } : {}),
        ...(typeof raw.explode === "boolean" ? { explode: raw.explode } : {}),
      },
      kind,
      pairs,
      new Set(Object.keys(props).filter((k) => k !== name)),
    );
    if (parsed === undefined) delete out[name];
    else if ("error" in parsed) issues.push({ path: `/body/${name}`, keyword: "style", message: parsed.error });
    else out[name] = parsed.value;
  }
  return out;
}
