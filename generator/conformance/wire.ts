/**
 * Request parts → bytes on the wire (path template filled, query serialised by style, body encoded by media
 * kind), and the same request as a ready-to-paste curl command. Every URL is built on the server under test.
 */
import type { MockOperation, MockParameter } from "../mock/operation-types.js";
import { kindOf } from "../mock/media.js";
import { isRecord } from "../openapi/pointer.js";
import type { Parts, WireRequest } from "./types.js";

export const BOUNDARY = "contactgen-conformance-boundary";

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** `simple` style: arrays comma-joined, objects as `k,v,k,v`. */
function simple(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(",");
  if (isRecord(value))
    return Object.entries(value)
      .flatMap(([k, v]) => [k, text(v)])
      .join(",");
  return text(value);
}

function queryPairs(param: MockParameter, value: unknown): [string, string][] {
  if (value === undefined) return [];
  if (param.json) return [[param.name, JSON.stringify(value)]];
  const style = param.style ?? "form";
  const explode = param.explode ?? style === "form";
  if (Array.isArray(value)) {
    if (explode) return value.map((v) => [param.name, text(v)]);
    const delimiter = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    return [[param.name, value.map(text).join(delimiter)]];
  }
  if (isRecord(value)) {
    if (style === "deepObject") return Object.entries(value).map(([k, v]) => [`${param.name}[${k}]`, text(v)]);
    if (explode) return Object.entries(value).map(([k, v]) => [k, text(v)]);
    return [[param.name, simple(value)]];
  }
  return [[param.name, text(value)]];
}

export function encodeBody(mediaType: string, body: unknown): string {
  switch (kindOf(mediaType)) {
    case "json":
      return JSON.stringify(body);
    case "form":
      return formPairs("", body)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join("&");
    case "multipart":
      return multipart(body);
    default:
      return text(body);
  }
}

/** Nested members as `a[b]=…`, arrays as `a[]=…`: what the mock and most form parsers read back. */
function formPairs(prefix: string, value: unknown): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v) => formPairs(`${prefix}[]`, v));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => formPairs(prefix ? `${prefix}[${k}]` : k, v));
  return [[prefix, text(value)]];
}

function multipart(body: unknown): string {
  const parts = Object.entries(isRecord(body) ? body : { value: body }).map(
    ([name, value]) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "_")}"\r\n\r\n${text(value)}\r\n`,
  );
  return `${parts.join("")}--${BOUNDARY}--\r\n`;
}

export function contentTypeHeader(mediaType: string): string {
  return kindOf(mediaType) === "multipart" ? `${mediaType}; boundary=${BOUNDARY}` : mediaType;
}

/** The wire form of `parts` for `op` on `base` (the server URL, base path included); extra headers last. */
export function toWire(base: string, op: MockOperation, parts: Parts, extra: Record<string, string>): WireRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(simple(parts.path[name])));
  const url = new URL(base.replace(/\/+$/, "") + path);
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const param of op.params) {
    if (param.in === "query") query.push(...queryPairs(param, parts.query[param.name]));
    else if (param.in === "header" && parts.headers[param.name] !== undefined)
      headers[param.name] = simple(parts.headers[param.name]);
    else if (param.in === "cookie" && parts.cookies[param.name] !== undefined)
      cookies.push(`${param.name}=${encodeURIComponent(simple(parts.cookies[param.name]))}`);
  }
  for (const [k, v] of query) url.searchParams.append(k, v);
  // URLSearchParams writes spaces as `+`; `%20` reads the same everywhere, `+` does not.
  url.search = url.search.replace(/\+/g, "%20");
  if (cookies.length > 0) headers.cookie = cookies.join("; ");
  const request: WireRequest = { method: op.method.toUpperCase(), url: url.href, headers };
  if (parts.mediaType !== undefined && parts.body !== undefined) {
    headers["content-type"] = contentTypeHeader(parts.mediaType);
    request.body = encodeBody(parts.mediaType, parts.body);
  }
  Object.assign(headers, extra);
  return request;
}

/** POSIX shell quoting; ANSI-C quoting when the text has control characters (multipart CRLFs). */
function quote(value: string): string {
  if (!/[\x00-\x1f\x7f]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
    if (c === "\\" || c === "'") return `\\${c}`;
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return `$'${escaped}'`;
}

export function curlOf(request: WireRequest): string {
  const parts = ["curl", "-sS", "-i", "-X", request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push("-H", quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push("--data-binary", quote(request.body));
  return parts.join(" ");
}
