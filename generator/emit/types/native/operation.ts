/**
 * Operations as openapi-typescript shapes them: `{ parameters: { query, header, path, cookie }, requestBody,
 * responses: { [status]: { headers, content } } }` — the structure generator/runtime/types.ts indexes into.
 */
import { ts, type CommentLine } from "../../code.js";
import { docLines } from "./comments.js";
import { at, ref, resolve, type Context } from "./context.js";
import { memberKey } from "./keys.js";
import { NEVER, objectType, STRING, UNKNOWN, type Member, type TypeNode } from "./nodes.js";
import type { ResolvedParameter } from "./refs.js";
import { schemaType } from "./schema.js";
import { isObject } from "./values.js";

type Node = Record<string, unknown>;

const member = (key: string, type: TypeNode, optional = false, doc: CommentLine[] = []): Member => ({
  doc,
  key: memberKey(key),
  optional,
  type,
});

const entries = (value: unknown): Array<[string, unknown]> => (isObject(value) ? Object.entries(value) : []);
const hasRef = (value: unknown): value is { $ref: unknown } => isObject(value) && "$ref" in value;

export function parameterType(ctx: Context, parameter: Node, path: string): TypeNode {
  return parameter.schema ? schemaType(ctx, parameter.schema, path) : STRING;
}

export function parametersMember(ctx: Context, parameters: unknown[], path: string): Member {
  const resolved = parameters.map((original) => ({
    original,
    resolved: (hasRef(original) ? resolve(ctx, String(original.$ref)) : original) as Node | undefined,
  }));
  const locations = ["query", "header", "path", "cookie"].map((location) => {
    const members: Member[] = [];
    for (const { original, resolved: p } of resolved) {
      if (!isObject(p) || p.in !== location) continue;
      const name = String(p.name);
      const type = hasRef(original)
        ? ref(ctx, String(original.$ref), p as unknown as ResolvedParameter)
        : parameterType(ctx, p, at(ctx, [path, "parameters", location, name]));
      members.push(member(name, type, location !== "path" && !p.required, docLines(p)));
    }
    const allOptional = members.every((m) => m.optional);
    return member(location, members.length > 0 ? objectType(members) : NEVER, allOptional);
  });
  return member("parameters", objectType(locations));
}

/** `refs`: request bodies and headers accept a `$ref` as the media object (a schema ref); responses do not. */
function mediaMembers(ctx: Context, content: unknown, path: string, refs = true): Member[] {
  return entries(content).map(([mediaType, media]) => {
    const next = at(ctx, [path, "content", mediaType]);
    const type =
      refs && hasRef(media)
        ? schemaType(ctx, media, next)
        : isObject(media) && media.schema
          ? schemaType(ctx, media.schema, next)
          : UNKNOWN;
    return member(mediaType, type, false, docLines(media));
  });
}

export function requestBodyType(ctx: Context, body: Node, path: string): TypeNode {
  const media = mediaMembers(ctx, body.content, path);
  return objectType([member("content", objectType(media.length > 0 ? media : [member("*/*", NEVER, true)]))]);
}

export function headerType(ctx: Context, header: Node, path: string): TypeNode {
  if (header.schema) return schemaType(ctx, header.schema, path);
  if (header.content) return objectType(mediaMembers(ctx, header.content, path));
  return UNKNOWN;
}

export function responseType(ctx: Context, response: Node, path: string): TypeNode {
  const headers = entries(response.headers).map(([name, header]) => {
    const type = hasRef(header)
      ? ref(ctx, String(header.$ref))
      : headerType(ctx, header as Node, at(ctx, [path, "headers", name]));
    const optional = !hasRef(header) && !(isObject(header) && header.required);
    return member(name, type, optional, docLines(header));
  });
  headers.push({ doc: [], key: ts`name`, index: true, optional: false, type: UNKNOWN });
  const content = mediaMembers(ctx, response.content, path, false);
  return objectType([
    member("headers", objectType(headers)),
    content.length > 0 ? member("content", objectType(content)) : member("content", NEVER, true),
  ]);
}

function responsesType(ctx: Context, responses: unknown, path: string): TypeNode {
  const members = entries(responses).map(([status, response]) => {
    const type = hasRef(response)
      ? ref(ctx, String(response.$ref))
      : responseType(ctx, response as Node, at(ctx, [path, "responses", status]));
    return member(status, type, false, docLines(response));
  });
  return members.length > 0 ? objectType(members) : NEVER;
}

export function operationMembers(ctx: Context, operation: Node, parameters: unknown[], path: string): Member[] {
  const members = [parametersMember(ctx, parameters, path)];
  const body = operation.requestBody;
  if (body) {
    const type = hasRef(body)
      ? ref(ctx, String(body.$ref))
      : requestBodyType(ctx, body as Node, at(ctx, [path, "requestBody"]));
    const target = hasRef(body) ? resolve(ctx, String(body.$ref)) : body;
    members.push(member("requestBody", type, !(isObject(target) && target.required), docLines(body)));
  } else members.push(member("requestBody", NEVER, true));
  members.push(member("responses", responsesType(ctx, operation.responses ?? {}, path)));
  return members;
}
