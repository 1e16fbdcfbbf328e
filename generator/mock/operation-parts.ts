/** Reading one operation's parts from the bundled document: parameters, bodies, responses, security. */
import { follow, fragmentOf, getAt, isRecord } from "../openapi/pointer.js";
import type {
  MockMedia,
  MockOperation,
  MockParameter,
  MockResponse,
  MockResponseHeader,
  SecurityRequirement,
} from "./operation-types.js";

export function parameters(doc: unknown, itemAt: string, opAt: string): MockParameter[] {
  const byKey = new Map<string, MockParameter>();
  for (const owner of [itemAt, opAt]) {
    const list = getAt(doc, `${owner}/parameters`);
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => {
      const { value, fragment } = follow(doc, `${owner}/parameters/${index}`);
      if (!isRecord(value) || typeof value.name !== "string") return;
      const where = value.in;
      if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") return;
      const media = isRecord(value.content) ? Object.keys(value.content)[0] : undefined;
      const param: MockParameter = {
        name: value.name,
        in: where,
        required: value.required === true || where === "path",
        schema:
          value.schema !== undefined
            ? `${fragment}/schema`
            : media
              ? `${fragment}${fragmentOf(["content", media, "schema"])}`
              : undefined,
        style: typeof value.style === "string" ? value.style : undefined,
        explode: typeof value.explode === "boolean" ? value.explode : undefined,
        json: value.schema === undefined && media !== undefined,
      };
      byKey.set(`${where}:${where === "header" ? value.name.toLowerCase() : value.name}`, param);
    });
  }
  return [...byKey.values()];
}

function mediaList(doc: unknown, content: unknown, at: string): MockMedia[] {
  if (!isRecord(content)) return [];
  return Object.keys(content).map((mediaType) => {
    const mediaAt = `${at}${fragmentOf(["content", mediaType])}`;
    const media = getAt(doc, mediaAt);
    const record = isRecord(media) ? media : {};
    const out: MockMedia = {
      mediaType,
      schema: record.schema !== undefined ? `${mediaAt}/schema` : undefined,
      example: exampleOf(doc, record),
    };
    if (record.itemSchema !== undefined) out.itemSchema = `${mediaAt}/itemSchema`;
    if (isRecord(record.encoding)) out.encoding = record.encoding;
    return out;
  });
}

function exampleOf(doc: unknown, media: Record<string, unknown>): unknown {
  if (media.example !== undefined) return media.example;
  if (isRecord(media.examples)) {
    for (const name of Object.keys(media.examples)) {
      const example = media.examples[name];
      const resolved =
        isRecord(example) && typeof example.$ref === "string" ? getAt(doc, example.$ref.slice(1)) : example;
      if (isRecord(resolved) && resolved.value !== undefined) return resolved.value;
    }
  }
  return undefined;
}

export function requestBody(doc: unknown, op: Record<string, unknown>, opAt: string): MockOperation["body"] {
  if (op.requestBody === undefined) return undefined;
  const { value, fragment } = follow(doc, `${opAt}/requestBody`);
  if (!isRecord(value)) return undefined;
  return { required: value.required === true, content: mediaList(doc, value.content, fragment) };
}

export function responses(doc: unknown, op: Record<string, unknown>, opAt: string): MockResponse[] {
  if (!isRecord(op.responses)) return [];
  return Object.keys(op.responses)
    .sort()
    .map((status) => {
      const { value, fragment } = follow(doc, `${opAt}${fragmentOf(["responses", status])}`);
      if (!isRecord(value)) return { status, content: [], headers: [] };
      return {
        status,
        content: mediaList(doc, value.content, fragment),
        headers: responseHeaders(doc, value, fragment),
      };
    });
}

function responseHeaders(doc: unknown, response: Record<string, unknown>, at: string): MockResponseHeader[] {
  if (!isRecord(response.headers)) return [];
  return Object.keys(response.headers)
    .filter((name) => name.toLowerCase() !== "content-type")
    .map((name) => {
      const { value, fragment } = follow(doc, `${at}${fragmentOf(["headers", name])}`);
      const header = isRecord(value) ? value : {};
      return {
        name,
        required: header.required === true,
        schema:
          header.schema !== undefined ? `${fragment}/schema` : contentSchema(header.content, `${fragment}/content`),
        example: header.example,
        ...(typeof header.explode === "boolean" ? { explode: header.explode } : {}),
        ...(header.schema === undefined && isRecord(header.content) ? { json: true } : {}),
      };
    });
}

/** A `content` header's schema fragment (its one media type). */
function contentSchema(content: unknown, at: string): string | undefined {
  if (!isRecord(content)) return undefined;
  const [mediaType] = Object.keys(content);
  const media = mediaType === undefined ? undefined : content[mediaType];
  return isRecord(media) && media.schema !== undefined ? `${at}${fragmentOf([mediaType!, "schema"])}` : undefined;
}

export function security(value: unknown): SecurityRequirement[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((req) => {
    const out: SecurityRequirement = {};
    for (const [key, scopes] of Object.entries(req)) out[key] = Array.isArray(scopes) ? scopes.map(String) : [];
    return out;
  });
}
