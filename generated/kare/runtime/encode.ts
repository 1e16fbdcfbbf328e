/**
 * URL and header hygiene. A path parameter can never change which resource is addressed and a header value can
 * never smuggle another header; both are checked before anything reaches the network.
 */
import { RequestError } from "./errors.js";
import { serialisePath, type ParamSpec } from "./params.js";

const TEMPLATE_VARIABLE = /\{([^{}]+)\}/g;
/** WHATWG URL parsing resolves these even when percent-encoded, so they cannot be encoded away: refuse them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export type ParamValue = string | number | boolean | bigint;

/** Substitute `{name}` in a path template with each value serialised by its style and percent-encoded. */
export function buildPath(
  operationId: string,
  template: string,
  values: Record<string, unknown>,
  specs: ReadonlyMap<string, ParamSpec> = new Map(),
): string {
  return template.replace(TEMPLATE_VARIABLE, (_match, name: string) => {
    const value = values[name];
    const styled = specs.get(name);
    // The common case (a documented default-style string or number): no spec, no shapes, one encode.
    if (styled === undefined && (typeof value === "string" || typeof value === "number") && value !== "") {
      const encoded = encodeURIComponent(value);
      if (!DOT_SEGMENT.test(encoded)) return encoded;
    }
    const spec = styled ?? { in: "path", name };
    if (value === undefined || value === null || value === "") {
      throw new RequestError(operationId, `path parameter "${name}" is required and must not be empty`);
    }
    if (typeof value === "function" || typeof value === "symbol") {
      throw new RequestError(
        operationId,
        `path parameter "${name}" must be a string, number, boolean, array or object`,
      );
    }
    if (typeof value === "object" && spec.style === undefined && spec.content === undefined && !Array.isArray(value)) {
      throw new RequestError(operationId, `path parameter "${name}" must be a string, number or boolean`);
    }
    const encoded = serialisePath(spec, value);
    if (DOT_SEGMENT.test(encoded)) {
      throw new RequestError(operationId, `path parameter "${name}" must not be "." or ".." (it would change the URL)`);
    }
    return encoded;
  });
}

/** RFC 9110 token characters: anything else in a header name is refused with a message naming the header. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Visible ASCII, space and tab: nothing in it can split a header or fall outside Latin-1. */
const PLAIN_VALUE = /^[\t\x20-\x7e]*$/;
/** Header names already found valid (a client sends the same few on every call). */
const GOOD_NAMES = new Set<string>();

/** Refuse CR, LF and NUL anywhere in a header value: they would split or truncate the header block. */
export function checkHeaderValue(operationId: string, name: string, value: string): string {
  if (GOOD_NAMES.has(name) && PLAIN_VALUE.test(value)) return value;
  if (!HEADER_NAME.test(name)) {
    throw new RequestError(operationId, `header name ${JSON.stringify(name)} is not a valid HTTP header name`);
  }
  if (/[\r\n\0]/.test(value)) {
    throw new RequestError(operationId, `header "${name}" contains CR, LF or NUL; refusing to send it`);
  }
  // fetch would throw a bare TypeError (ByteString) and the call would be retried: say what is wrong instead.
  const wide = /[^\x00-\xff]/.exec(value);
  if (wide) {
    throw new RequestError(
      operationId,
      `header "${name}" contains ${JSON.stringify(wide[0])} (U+${wide[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}), outside Latin-1; HTTP header values cannot carry it: percent-encode it or send it in the body`,
    );
  }
  if (GOOD_NAMES.size < 256) GOOD_NAMES.add(name);
  return value;
}

export function headerString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v)).join(",");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value as ParamValue);
}

/** `application/vnd.api+json; charset=utf-8` → true. JSON and every `+json` media type are sent and parsed as JSON. */
export function isJsonMediaType(mediaType: string | null | undefined): boolean {
  if (!mediaType) return false;
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || essence.endsWith("+json");
}

export function mediaEssence(mediaType: string | null | undefined): string {
  return (mediaType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
