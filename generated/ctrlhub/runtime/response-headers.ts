/**
 * Documented response headers, read into typed values: the header parameter rules of ./params.ts (simple style,
 * explode, `content`) split the text, then numbers and booleans are read by the schema's type. A header the server
 * did not send, or sent in a form its schema does not allow, is absent; `response.headers` keeps the raw text.
 */
import { parseHeader } from "./params.js";

/** How one text value is read: as a number, an integer, a boolean, or kept as text (absent). */
export type HeaderScalar = "number" | "integer" | "boolean";

export interface ResponseHeaderSpec {
  name: string;
  /** An array or object header (comma-separated); absent: a scalar. */
  shape?: "array" | "object";
  /** A scalar's type, or an array's items' type. */
  type?: HeaderScalar;
  /** An object header's members that are not text. */
  properties?: Readonly<Record<string, HeaderScalar>>;
  explode?: boolean;
  /** A `content` header: its media type (the value is JSON). */
  content?: string;
}

/** Per documented status (`200`, `4XX`, `default`), the headers it declares. */
export type ResponseHeadersSpec = Readonly<Record<string, readonly ResponseHeaderSpec[]>>;

const NONE: Readonly<Record<string, unknown>> = Object.freeze({});
const NUMBER = /^\s*-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;

/** The declared headers of the status's response (exact status, then its class, then `default`), parsed. */
export function readResponseHeaders(
  specs: ResponseHeadersSpec | undefined,
  status: number,
  headers: Headers,
): Readonly<Record<string, unknown>> {
  if (specs === undefined) return NONE;
  const code = String(status);
  const declared = specs[code] ?? specs[`${code[0]}XX`] ?? specs[`${code[0]}xx`] ?? specs["default"];
  if (declared === undefined || declared.length === 0) return NONE;
  const out: Record<string, unknown> = {};
  for (const spec of declared) {
    const text = headers.get(spec.name);
    if (text === null) continue;
    const value = readHeader(spec, text);
    if (value !== undefined) out[spec.name] = value;
  }
  return out;
}

function readHeader(spec: ResponseHeaderSpec, text: string): unknown {
  const param = {
    in: "header" as const,
    name: spec.name,
    ...(spec.explode !== undefined ? { explode: spec.explode } : {}),
    ...(spec.content !== undefined ? { content: spec.content } : {}),
  };
  const parsed = parseHeader(param, spec.shape ?? "scalar", spec.shape ? text : text.trim());
  if (parsed === undefined || "error" in parsed) return undefined;
  if (spec.content !== undefined) return parsed.value;
  const value = parsed.value;
  if (spec.shape === "array") {
    const items = (value as string[]).map((item) => scalar(item, spec.type));
    return items.includes(undefined) ? undefined : items;
  }
  if (spec.shape === "object") {
    const object = value as Record<string, string>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      const read = scalar(object[key]!, spec.properties?.[key]);
      if (read === undefined) return undefined;
      // defineProperty: a `__proto__` key from the server stays a plain member.
      Object.defineProperty(out, key, { value: read, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return scalar(value as string, spec.type);
}

function scalar(text: string, type: HeaderScalar | undefined): unknown {
  if (type === "number" || type === "integer") {
    const n = NUMBER.test(text) ? Number(text) : Number.NaN;
    return Number.isFinite(n) && (type === "number" || Number.isInteger(n)) ? n : undefined;
  }
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  return text;
}
