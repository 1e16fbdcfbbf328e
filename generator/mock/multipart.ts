/**
 * multipart/form-data request bodies in the mock: parsed (by undici's FormData parser, within the body limit),
 * held to the document (a binary property must arrive as a file part, a part's Content-Type must be one its
 * `encoding` allows, object parts are JSON), and turned into two values: one for the schema (a file counts as a
 * string of its size) and one to echo (a file as `{ filename, contentType, size }`, so a test can see what arrived).
 */
import { follow, isRecord } from "../openapi/pointer.js";
import { mediaClass } from "../openapi/media-types.js";
import { BodyError } from "./media.js";
import type { Issue } from "./schemas.js";

/** A part count far above any real form, far below what would hurt: each part costs a few objects. */
const MAX_PARTS = 1000;

export interface MultipartResult {
  value: Record<string, unknown>;
  echo: Record<string, unknown>;
  issues: Issue[];
}

export interface PartRules {
  /** The media type's `encoding` object. */
  encoding?: Record<string, unknown>;
  /** The resolved object schema of the body. */
  schema?: Record<string, unknown>;
  doc: unknown;
}

export async function parseMultipart(bytes: Buffer, contentType: string, rules: PartRules): Promise<MultipartResult> {
  let form: FormData;
  try {
    form = await new Response(bytes as unknown as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": contentType },
    }).formData();
  } catch (error) {
    throw new BodyError(400, `malformed multipart body: ${(error as Error).message}`);
  }
  const props = isRecord(rules.schema?.properties) ? rules.schema.properties : {};
  const value: Record<string, unknown> = {};
  const echo: Record<string, unknown> = {};
  const issues: Issue[] = [];
  const declared = declaredPartHeaders(rules);
  const seen = new Map<string, number>();
  const rawHeaders = declared.size > 0 ? partHeaderBlocks(bytes, contentType) : undefined;
  let count = 0;
  for (const [name, part] of form) {
    if (++count > MAX_PARTS) throw new BodyError(413, `more than ${MAX_PARTS} parts`);
    if (name === "__proto__" || name === "constructor" || name === "prototype") continue;
    const schema = resolve(rules.doc, props[name]);
    const itemSchema = schema?.type === "array" ? resolve(rules.doc, schema.items) : schema;
    const at = `/body/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const parsed = await partValue(part, itemSchema, encodingOf(rules.encoding, name), at, issues);
    const headers = declared.get(name);
    if (headers && rawHeaders) {
      // The n-th part of this name, in the order the parser met them.
      const index = (seen.get(name) ?? 0) + 1;
      seen.set(name, index);
      const sent = rawHeaders.filter((p) => p.name === name)[index - 1]?.headers ?? new Map<string, string>();
      const arrived = checkPartHeaders(headers, sent, at, issues);
      if (Object.keys(arrived).length > 0 && isRecord(parsed.echo)) parsed.echo.headers = arrived;
    }
    add(value, name, parsed.value, schema?.type === "array");
    add(echo, name, parsed.echo, schema?.type === "array");
  }
  return { value, echo, issues };
}

function add(target: Record<string, unknown>, name: string, item: unknown, isArray: boolean): void {
  const current = target[name];
  if (current === undefined) target[name] = isArray ? [item] : item;
  else if (Array.isArray(current)) current.push(item);
  else target[name] = [current, item];
}

async function partValue(
  part: FormDataEntryValue,
  schema: Record<string, unknown> | undefined,
  allowed: string | undefined,
  at: string,
  issues: Issue[],
): Promise<{ value: unknown; echo: unknown }> {
  const binary = schema !== undefined && isBinary(schema);
  if (typeof part === "string") {
    if (binary) issues.push({ path: at, keyword: "type", message: "must be a file part (with a filename)" });
    return { value: textValue(part, schema, at, issues), echo: textValue(part, schema, at, []) };
  }
  const type = part.type.split(";")[0]!.trim().toLowerCase();
  if (allowed && !matches(allowed, type)) {
    issues.push({
      path: at,
      keyword: "contentType",
      message: `part Content-Type ${type || "(none)"} is not ${allowed}`,
    });
  }
  const meta = { filename: part.name, contentType: part.type, size: part.size };
  if (binary) return { value: "\u0000".repeat(part.size), echo: meta };
  return { value: textValue(await part.text(), schema, at, issues), echo: meta };
}

/** Object (and array-of-object) parts are JSON, as their default Content-Type says; the rest is text. */
function textValue(text: string, schema: Record<string, unknown> | undefined, at: string, issues: Issue[]): unknown {
  if (schema?.type !== "object") return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    issues.push({ path: at, keyword: "contentType", message: "must be a JSON part" });
    return text;
  }
}

function isBinary(schema: Record<string, unknown>): boolean {
  if (schema.type !== "string") return false;
  return (
    schema.format === "binary" ||
    (typeof schema.contentMediaType === "string" &&
      schema.contentEncoding === undefined &&
      !["text", "json", "sse"].includes(mediaClass(schema.contentMediaType)))
  );
}

function encodingOf(encoding: Record<string, unknown> | undefined, name: string): string | undefined {
  const entry = encoding && Object.hasOwn(encoding, name) ? encoding[name] : undefined;
  return isRecord(entry) && typeof entry.contentType === "string" ? entry.contentType : undefined;
}

/** `image/png, image/*` against a received type. */
function matches(allowed: string, type: string): boolean {
  return allowed.split(",").some((option) => {
    const want = option.split(";")[0]!.trim().toLowerCase();
    return want === type || want === "*/*" || (want.endsWith("/*") && type.startsWith(want.slice(0, -1)));
  });
}

function resolve(doc: unknown, schema: unknown): Record<string, unknown> | undefined {
  let current = schema;
  for (let i = 0; i < 10 && isRecord(current) && typeof current.$ref === "string"; i++) {
    current = follow(doc, current.$ref.replace(/^[^#]*#/, "")).value;
  }
  return isRecord(current) ? current : undefined;
}

/** Per field, the headers its `encoding` declares (name → required). */
function declaredPartHeaders(rules: PartRules): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const [field, entry] of Object.entries(rules.encoding ?? {})) {
    if (!isRecord(entry) || !isRecord(entry.headers)) continue;
    const headers = new Map<string, boolean>();
    for (const [name, raw] of Object.entries(entry.headers)) {
      if (name.toLowerCase() === "content-type") continue;
      const header = resolve(rules.doc, raw);
      headers.set(name, header?.required === true);
    }
    if (headers.size > 0) out.set(field, headers);
  }
  return out;
}

/** A required part header that did not arrive is an issue; the declared ones that did are echoed. */
function checkPartHeaders(
  declared: Map<string, boolean>,
  sent: Map<string, string>,
  at: string,
  issues: Issue[],
): Record<string, string> {
  const arrived: Record<string, string> = {};
  for (const [name, required] of declared) {
    const value = sent.get(name.toLowerCase());
    if (value !== undefined) arrived[name] = value;
    else if (required) {
      issues.push({ path: at, keyword: "required", message: `part header ${name} is required by the encoding` });
    }
  }
  return arrived;
}

/**
 * Each part's own header block (undici's FormData keeps only the name, filename and type): the body is split on
 * its boundary, the lines before each blank line read as `Name: value`. Only run when some part declares headers.
 */
function partHeaderBlocks(bytes: Buffer, contentType: string): Array<{ name: string; headers: Map<string, string> }> {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Array<{ name: string; headers: Map<string, string> }> = [];
  let at = bytes.indexOf(delimiter);
  while (at >= 0 && out.length < MAX_PARTS) {
    const start = at + delimiter.length + 2;
    const end = bytes.indexOf("\r\n\r\n", start);
    if (end < 0) break;
    const headers = new Map<string, string>();
    for (const line of bytes.subarray(start, end).toString("latin1").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const name = /\bname="([^"]*)"/.exec(headers.get("content-disposition") ?? "")?.[1];
    // Names escape only the quote, CR and LF (WHATWG's multipart encoding): undo exactly those.
    const decoded = name?.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
    if (decoded !== undefined) out.push({ name: decoded, headers });
    at = bytes.indexOf(delimiter, end);
  }
  return out;
}
