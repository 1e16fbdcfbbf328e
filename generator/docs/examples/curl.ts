/**
 * The curl sample for one operation: the same values as the TypeScript snippet (exampleInputs), sent the way the
 * generated client sends them (auth per scheme, hoisted client headers, JSON or form bodies). Every piece of spec
 * text is single-quoted for POSIX shells, so a sample is one command whatever the spec says.
 */
import { defaultBaseUrl } from "../../emit/client/options.js";
import type { JsonValue } from "../../load/openapi-types.js";
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../../model/types.js";
import { schemesFor } from "./example.js";
import { exampleInputs } from "./inputs.js";
import { parameterValue, placeholder } from "./sample.js";
import { isJsonMedia } from "../../openapi/media-types.js";

export interface CurlSample {
  code: string;
  /** The arguments curl receives once a POSIX shell has parsed `code` (tests compare the two). */
  argv: string[];
  /** The URL prefix the sample targets; tests swap it for a mock server's URL. */
  baseUrl: string;
}

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function sampleBaseUrl(model: ApiModel): string {
  return defaultBaseUrl(model)?.replace(/\/+$/, "") ?? `https://YOUR_API_HOST${model.servers[0]?.basePath ?? ""}`;
}

/** A query or path value as text: arrays are exploded by the caller, objects sent as JSON. */
function text(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function credential(scheme: SecuritySchemeModel): string {
  return scheme.type === "bearer" ? "YOUR_TOKEN" : `YOUR_${placeholder(scheme.key)}`;
}

function withPrefix(prefix: string | undefined, value: string): string {
  if (!prefix) return value;
  return /\s$/.test(prefix) ? `${prefix}${value}` : `${prefix} ${value}`;
}

export function curlSample(model: ApiModel, op: OperationModel): CurlSample {
  const inputs = exampleInputs(model, op);
  const baseUrl = sampleBaseUrl(model);
  let path = op.path;
  for (const [name, value] of inputs.path) path = path.split(`{${name}}`).join(encodeURIComponent(text(value)));
  const query = new URLSearchParams();
  const add = (name: string, value: JsonValue) => {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, text(item));
  };
  for (const [name, value] of inputs.query) add(name, value);
  const headers: Array<[string, string]> = [];
  const cookies: string[] = [];
  // Each group is one line of the sample: a flag and its value; only values are spec text, and all are quoted.
  const groups: Array<[flag: string, value: string]> = [];
  for (const scheme of schemesFor(model, op)) {
    if (scheme.type === "bearer") headers.push(["Authorization", `Bearer ${credential(scheme)}`]);
    else if (scheme.type === "basic") groups.push(["--user", "YOUR_USERNAME:YOUR_PASSWORD"]);
    else if (scheme.type === "apiKey") {
      const value = withPrefix(scheme.prefix, credential(scheme));
      if (scheme.in === "header") headers.push([scheme.name, value]);
      else if (scheme.in === "query") query.append(scheme.name, value);
      else cookies.push(`${scheme.name}=${value}`);
    }
  }
  for (const h of model.clientHeaders.filter((p) => p.required))
    headers.push([h.name, text(parameterValue(model.document, h))]);
  for (const [name, value] of inputs.headers) headers.push([name, text(value)]);
  if (cookies.length > 0) groups.push(["--cookie", cookies.join("; ")]);
  if (inputs.body) {
    headers.push(["Content-Type", inputs.body.mediaType]);
    groups.push(...bodyArgs(inputs.body.mediaType, inputs.body.value));
  }
  const search = query.toString();
  const url = `${baseUrl}${path}${search ? `?${search}` : ""}`;
  const method = op.method.toUpperCase();
  const all: Array<[string, string]> = [...headers.map(([n, v]): [string, string] => ["-H", `${n}: ${v}`]), ...groups];
  const first = method === "GET" ? ["curl", shellQuote(url)] : ["curl", "-X", method, shellQuote(url)];
  const lines = [first.join(" "), ...all.map(([flag, value]) => `${flag} ${shellQuote(value)}`)];
  return {
    code: `${lines.join(" \\\n  ")}\n`,
    argv: [...(method === "GET" ? [] : ["-X", method]), url, ...all.flat()],
    baseUrl,
  };
}

function bodyArgs(mediaType: string, value: JsonValue): Array<[string, string]> {
  if (/^application\/x-www-form-urlencoded\b/i.test(mediaType) && value !== null && typeof value === "object")
    return Object.entries(value).map(([k, v]): [string, string] => ["--data-urlencode", `${k}=${text(v ?? "")}`]);
  if (isJsonMedia(mediaType)) return [["--data", JSON.stringify(value, null, 2)]];
  return [["--data-binary", text(value)]];
}
