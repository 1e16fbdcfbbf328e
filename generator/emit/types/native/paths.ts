/** Path items (paths, webhooks, components.pathItems): path-level parameters folded into each operation. */
import { docLines } from "./comments.js";
import { at, ref, resolve, type Context } from "./context.js";
import { memberKey } from "./keys.js";
import { NEVER, objectType, type Member, type TypeNode } from "./nodes.js";
import { operationMembers, parametersMember } from "./operation.js";
import { createRef } from "./refs.js";
import { isObject } from "./values.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function parameterKey(ctx: Context, parameter: unknown): string {
  const p = (isObject(parameter) && "$ref" in parameter ? resolve(ctx, String(parameter.$ref)) : parameter) as
    Record<string, unknown> | undefined;
  return `${String(p?.in)}-${String(p?.name)}`;
}

/**
 * OpenAPI 3.2 operations (`query`, and `additionalOperations` keyed by their lower-case method), written after the
 * eight methods and only when present, so 3.0/3.1 output stays identical to openapi-typescript's (which does not
 * read 3.2 and therefore has no counterpart for these).
 */
function extraOperations(item: Record<string, unknown>): [string, unknown, string[]][] {
  const out: [string, unknown, string[]][] = [];
  if (isObject(item.query)) out.push(["query", item.query, ["query"]]);
  if (isObject(item.additionalOperations)) {
    for (const [name, operation] of Object.entries(item.additionalOperations)) {
      const key = name.toLowerCase();
      if (!METHODS.includes(key) && key !== "query") out.push([key, operation, ["additionalOperations", name]]);
    }
  }
  return out;
}

export function pathItemType(ctx: Context, item: Record<string, unknown>, path: string): TypeNode {
  const shared = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
  const members: Member[] = [parametersMember(ctx, shared, at(ctx, [path, "parameters"]))];
  const entries: [string, unknown, string[]][] = [
    ...METHODS.map((m): [string, unknown, string[]] => [m, item[m], [m]]),
    ...extraOperations(item),
  ];
  for (const [method, operation, segments] of entries) {
    if (!operation) {
      members.push({ doc: [], key: memberKey(method), optional: true, type: NEVER });
      continue;
    }
    if (!isObject(operation)) continue;
    const operationPath = at(ctx, [path, ...segments]);
    let type: TypeNode;
    if ("$ref" in operation) type = ref(ctx, String(operation.$ref));
    else {
      // Operation-level parameters override path-level ones with the same location and name.
      const keyed = new Map<string, unknown>();
      const own = Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : [];
      for (const p of [...shared, ...own]) keyed.set(parameterKey(ctx, p), p);
      const id = typeof operation.operationId === "string" ? operation.operationId.replace(/#/g, "/") : "";
      // openapi-typescript creates the operations interface before transforming the first operation in it.
      const operations = id ? (ctx.operations ??= []) : undefined;
      const body = operationMembers(ctx, operation, [...keyed.values()], operationPath);
      if (operations) {
        type = ref(ctx, createRef(["operations", id]));
        operations.push({ doc: [], key: memberKey(id), optional: false, type: objectType(body) });
      } else type = objectType(body);
    }
    members.push({ doc: docLines(operation), key: memberKey(method), optional: false, type });
  }
  return objectType(members);
}

export function pathsType(ctx: Context, paths: unknown, root: string): TypeNode {
  const members: Member[] = [];
  for (const [url, item] of Object.entries(isObject(paths) ? paths : {})) {
    if (!isObject(item)) continue;
    if (root === "paths" && "$ref" in item) {
      members.push({ doc: docLines(item), key: memberKey(url), optional: false, type: ref(ctx, String(item.$ref)) });
      continue;
    }
    members.push({
      doc: [],
      key: memberKey(url),
      optional: false,
      type: pathItemType(ctx, item, at(ctx, [root, url])),
    });
  }
  return objectType(members);
}
