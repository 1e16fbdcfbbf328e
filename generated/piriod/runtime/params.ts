/**
 * OpenAPI parameter serialisation (style/explode/allowReserved/content) for every location, and its inverse.
 * The client serialises with it and the mock parses with it, so both read the one table: the style examples of
 * OpenAPI 3.1.1 §4.8.12.6 (RFC 6570: `{.list}` is `.a,b`, `{.list*}` is `.a.b`). Every key and value is
 * percent-encoded (a key can never inject another parameter); `allowReserved` keeps RFC 3986 reserved characters.
 */
export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface ParamSpec {
  in: ParamLocation;
  name: string;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** A `content` parameter: the value is serialised as this media type (JSON), not by style. */
  content?: string;
}

const DEFAULT_STYLE: Record<ParamLocation, string> = {
  path: "simple",
  query: "form",
  header: "simple",
  cookie: "form",
};

export function styleOf(spec: ParamSpec): { style: string; explode: boolean } {
  const style = spec.style ?? DEFAULT_STYLE[spec.in];
  return { style, explode: spec.explode ?? style === "form" };
}

const RESERVED = /%(?:3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi;

function encode(text: string, allowReserved = false): string {
  const encoded = encodeURIComponent(text);
  return allowReserved ? encoded.replace(RESERVED, (m) => decodeURIComponent(m)) : encoded;
}

/** Scalars as text; a nested object or array inside a value is sent as JSON (OpenAPI leaves it undefined). */
export function scalarText(value: unknown): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value as string);
}

type Shape =
  | { kind: "array"; items: string[] }
  | { kind: "object"; entries: [string, string][] }
  | { kind: "scalar"; text: string };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: "array", items: value.filter((v) => v !== undefined).map(scalarText) };
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return { kind: "object", entries: entries.map(([k, v]) => [k, scalarText(v)]) };
  }
  return { kind: "scalar", text: scalarText(value) };
}

const QUERY_DELIMITER: Record<string, string> = { spaceDelimited: "%20", pipeDelimited: "%7C" };

/** One query parameter as `k=v` pairs joined by `&` (empty string: nothing to send). */
export function serialiseQuery(spec: ParamSpec, value: unknown): string {
  const name = encode(spec.name);
  const reserved = spec.allowReserved === true;
  if (spec.content) return `${name}=${encode(JSON.stringify(value), reserved)}`;
  const { style, explode } = styleOf(spec);
  const shape = shapeOf(value);
  const v = (text: string): string => encode(text, reserved);
  if (shape.kind === "scalar") return `${name}=${v(shape.text)}`;
  if (shape.kind === "array") {
    if (explode) return shape.items.map((item) => `${name}=${v(item)}`).join("&");
    return `${name}=${shape.items.map(v).join(QUERY_DELIMITER[style] ?? ",")}`;
  }
  if (style === "deepObject") return shape.entries.map(([k, t]) => `${encode(`${spec.name}[${k}]`)}=${v(t)}`).join("&");
  if (explode) return shape.entries.map(([k, t]) => `${encode(k)}=${v(t)}`).join("&");
  return `${name}=${shape.entries.flatMap(([k, t]) => [encode(k), v(t)]).join(QUERY_DELIMITER[style] ?? ",")}`;
}

/** A path parameter's text (simple, label or matrix), percent-encoded. */
export function serialisePath(spec: ParamSpec, value: unknown): string {
  if (spec.content) return encode(JSON.stringify(value));
  const { style, explode } = styleOf(spec);
  const shape = shapeOf(value);
  const name = encode(spec.name);
  const e = (text: string): string => encode(text, spec.allowReserved === true);
  if (style === "matrix") {
    if (shape.kind === "scalar") return shape.text === "" ? `;${name}` : `;${name}=${e(shape.text)}`;
    if (shape.kind === "array") {
      return explode ? shape.items.map((i) => `;${name}=${e(i)}`).join("") : `;${name}=${shape.items.map(e).join(",")}`;
    }
    return explode
      ? shape.entries.map(([k, t]) => `;${e(k)}=${e(t)}`).join("")
      : `;${name}=${shape.entries.flatMap(([k, t]) => [e(k), e(t)]).join(",")}`;
  }
  const prefix = style === "label" ? "." : "";
  const joiner = style === "label" && explode ? "." : ",";
  if (shape.kind === "scalar") return prefix + e(shape.text);
  if (shape.kind === "array") return prefix + shape.items.map(e).join(joiner);
  return (
    prefix +
    (explode
      ? shape.entries.map(([k, t]) => `${e(k)}=${e(t)}`).join(joiner)
      : shape.entries.flatMap(([k, t]) => [e(k), e(t)]).join(","))
  );
}

/** A header parameter's value (simple style; not percent-encoded: header checks refuse CR/LF/non-Latin-1). */
export function serialiseHeader(spec: ParamSpec, value: unknown): string {
  if (spec.content) return JSON.stringify(value);
  const { explode } = styleOf(spec);
  const shape = shapeOf(value);
  if (shape.kind === "scalar") return shape.text;
  if (shape.kind === "array") return shape.items.join(",");
  return (explode ? shape.entries.map(([k, t]) => `${k}=${t}`) : shape.entries.flat()).join(",");
}

/** Cookie parameters as percent-encoded `name=value` pairs (form style). */
export function serialiseCookie(spec: ParamSpec, value: unknown): string[] {
  const name = encodeURIComponent(spec.name);
  if (spec.content) return [`${name}=${encodeURIComponent(JSON.stringify(value))}`];
  const { explode } = styleOf(spec);
  const shape = shapeOf(value);
  const e = encodeURIComponent;
  if (shape.kind === "scalar") return [`${name}=${e(shape.text)}`];
  if (shape.kind === "array") {
    return explode ? shape.items.map((i) => `${name}=${e(i)}`) : [`${name}=${shape.items.map(e).join(",")}`];
  }
  return explode
    ? shape.entries.map(([k, t]) => `${e(k)}=${e(t)}`)
    : [`${name}=${shape.entries.flatMap(([k, t]) => [e(k), e(t)]).join(",")}`];
}

// ---- parsing (the mock) ----

export type ValueKind = "array" | "object" | "scalar";

export type Parsed = { value: unknown } | { error: string } | undefined;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function pairsToObject(parts: string[]): Record<string, string> | string {
  if (parts.length % 2 !== 0) return "must be key,value pairs";
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < parts.length; i += 2) out[parts[i]!] = parts[i + 1]!;
  return out;
}

function keyValues(parts: string[]): Record<string, string> | string {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of parts) {
    const at = part.indexOf("=");
    if (at < 0) return `"${part}" is not key=value`;
    out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

function fromList(kind: ValueKind, parts: string[], exploded: boolean): Parsed {
  if (kind === "array") return { value: parts };
  if (kind === "scalar") return { value: parts.join(",") };
  const object = exploded ? keyValues(parts) : pairsToObject(parts);
  return typeof object === "string" ? { error: object } : { value: { ...object } };
}

/**
 * One query parameter from the raw query pairs (already split on `&` and `=`, still percent-encoded so a
 * delimiter inside a value stays distinct). `others`: keys owned by other parameters (form-exploded objects take
 * the rest). A wrong form (`ids=1&ids=2` for `explode: false`) is an error naming the expected form.
 */
export function parseQuery(
  spec: ParamSpec,
  kind: ValueKind,
  pairs: readonly (readonly [string, string])[],
  others: ReadonlySet<string> = new Set(),
): Parsed {
  const { style, explode } = styleOf(spec);
  const named = pairs.filter(([k]) => decode(k) === spec.name).map(([, v]) => v);
  if (spec.content) {
    if (named.length === 0) return undefined;
    try {
      return { value: JSON.parse(decode(named[0]!) ?? "") as unknown };
    } catch {
      return { error: `must be ${spec.content} text` };
    }
  }
  if (kind === "object" && style === "deepObject") {
    const prefix = `${spec.name}[`;
    const entries = pairs.flatMap(([k, v]) => {
      const key = decode(k);
      return key?.startsWith(prefix) && key.endsWith("]")
        ? [[key.slice(prefix.length, -1), decode(v) ?? v] as const]
        : [];
    });
    return entries.length === 0 ? undefined : { value: Object.fromEntries(entries) };
  }
  if (kind === "object" && explode) {
    const entries = pairs.map(([k, v]) => [decode(k) ?? k, decode(v) ?? v] as const).filter(([k]) => !others.has(k));
    return entries.length === 0 ? undefined : { value: Object.fromEntries(entries) };
  }
  if (named.length === 0) return undefined;
  if (kind === "array" && explode) return { value: named.map((v) => decode(v) ?? v) };
  if (named.length > 1) {
    const delimiter = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "%7C" : ",";
    return {
      error: `is given ${named.length} times; it is style ${style}, explode false: send it once, values separated by "${decodeURIComponent(delimiter)}"`,
    };
  }
  const raw = named[0]!;
  if (kind === "scalar") return { value: decode(raw) ?? raw };
  const split = style === "spaceDelimited" ? /%20|\+| / : style === "pipeDelimited" ? /%7C|\|/i : /,/;
  const parts = raw === "" ? [] : raw.split(split).map((p) => decode(p) ?? p);
  return fromList(kind, parts, false);
}

/** A path parameter from its raw (still percent-encoded) segment text. */
export function parsePath(spec: ParamSpec, kind: ValueKind, raw: string): Parsed {
  if (spec.content) {
    try {
      return { value: JSON.parse(decode(raw) ?? "") as unknown };
    } catch {
      return { error: `must be ${spec.content} text` };
    }
  }
  const { style, explode } = styleOf(spec);
  let text = raw;
  let separator = ",";
  if (style === "label") {
    if (!text.startsWith(".")) return { error: 'is style label: it must start with "."' };
    text = text.slice(1);
    if (explode) separator = ".";
  } else if (style === "matrix") {
    const name = encode(spec.name);
    if (kind === "object" && explode) {
      if (!text.startsWith(";")) return { error: 'is style matrix: it must start with ";"' };
      return fromList(
        kind,
        text
          .slice(1)
          .split(";")
          .map((p) => decode(p) ?? p),
        true,
      );
    }
    const parts = text.split(";").slice(1);
    if (!text.startsWith(";") || parts.some((p) => p !== name && !p.startsWith(`${name}=`))) {
      return { error: `is style matrix: expected ";${spec.name}=…"` };
    }
    const values = parts.map((p) => p.slice(name.length + 1));
    if (kind === "array" && explode) return { value: values.map((v) => decode(v) ?? v) };
    if (values.length > 1) return { error: "is style matrix, explode false: give it once" };
    text = values[0] ?? "";
  }
  if (kind === "scalar") return { value: decode(text) ?? text };
  const parts = text === "" ? [] : text.split(separator).map((p) => decode(p) ?? p);
  return fromList(kind, parts, explode);
}

/** A header parameter (simple style) from its value. */
export function parseHeader(spec: ParamSpec, kind: ValueKind, text: string): Parsed {
  if (spec.content) {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { error: `must be ${spec.content} text` };
    }
  }
  if (kind === "scalar") return { value: text };
  return fromList(kind, text === "" ? [] : text.split(",").map((s) => s.trim()), styleOf(spec).explode);
}

/** A cookie parameter (form style) from its (decoded) value. */
export function parseCookie(spec: ParamSpec, kind: ValueKind, text: string): Parsed {
  if (spec.content) return parseHeader(spec, kind, text);
  if (kind === "scalar") return { value: text };
  return fromList(kind, text === "" ? [] : text.split(","), false);
}

/** Raw `k=v` pairs of a query string, still percent-encoded (`+` read as a space, as forms send it). */
export function queryPairs(search: string): [string, string][] {
  const text = search.startsWith("?") ? search.slice(1) : search;
  if (text === "") return [];
  return text.split("&").flatMap((part) => {
    if (part === "") return [];
    const at = part.indexOf("=");
    const key = (at < 0 ? part : part.slice(0, at)).replace(/\+/g, "%20");
    const value = (at < 0 ? "" : part.slice(at + 1)).replace(/\+/g, "%20");
    return [[key, value] as [string, string]];
  });
}
