/**
 * Our own types emitter: the same `paths` / `webhooks` / `components` / `$defs` / `operations` structure and type
 * semantics as openapi-typescript 7.13 (readWriteMarkers, defaultNonNullable: false), built as strings. It never
 * loads the `typescript` package, which was most of `npm run generate`'s start-up (docs/decisions/0005).
 */
import type { OpenApiDocument } from "../../../load/openapi-types.js";
import { join, ts, type Code } from "../../code.js";
import { propertyKey } from "../../safe.js";
import { docLines } from "./comments.js";
import { at, type Context } from "./context.js";
import { hasDiscriminators, scanDiscriminators } from "./discriminators.js";
import { memberKey } from "./keys.js";
import { declaration, NEVER, objectType, print, record, STRING, type Member, type TypeNode } from "./nodes.js";
import { breakRecursiveSchemas, type RecursiveAliases } from "./recursive.js";
import { headerType, parameterType, requestBodyType, responseType } from "./operation.js";
import { pathItemType, pathsType } from "./paths.js";
import { schemaType } from "./schema.js";
import { isObject } from "./values.js";

const HELPERS = ts`export type $Read<T> = {
    readonly $read: T;
};
export type $Write<T> = {
    readonly $write: T;
};
export type Readable<T> = T extends $Write<any> ? never : T extends $Read<infer U> ? Readable<U> : T extends (infer E)[] ? Readable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Write<any> ? never : K]: Readable<T[K]>;
} : T;
export type Writable<T> = T extends $Read<any> ? never : T extends $Write<infer U> ? Writable<U> : T extends (infer E)[] ? Writable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? never : K]: Writable<T[K]>;
} & {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? K : never]?: never;
} : T;
`;

const WITH_REQUIRED = ts`type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};\n`;

type Transform = (ctx: Context, node: Record<string, unknown>, path: string) => TypeNode;

const COMPONENTS: Array<[string, Transform]> = [
  ["schemas", (ctx, node, path) => schemaType(ctx, node, path)],
  ["responses", responseType],
  ["parameters", parameterType],
  ["requestBodies", requestBodyType],
  ["headers", headerType],
  ["pathItems", pathItemType],
];

function componentsType(
  ctx: Context,
  components: Record<string, unknown>,
  aliases: RecursiveAliases["aliases"],
): TypeNode {
  const groups = COMPONENTS.map(([key, transform]): Member => {
    const entries = Object.entries(isObject(components[key]) ? components[key] : {});
    let items = entries.map(([name, item]) => ({
      doc: docLines(item),
      key: memberKey(name),
      optional: false,
      type: transform(ctx, item as Record<string, unknown>, at(ctx, ["components", key, name])),
    }));
    if (key === "schemas") {
      const broken = breakRecursiveSchemas(
        entries.map(([name]) => name),
        items,
      );
      items = broken.members;
      aliases.push(...broken.aliases);
    }
    return { doc: [], key: propertyKey(key), optional: false, type: items.length > 0 ? objectType(items) : NEVER };
  });
  return objectType(groups);
}

const EMPTY = record(STRING, NEVER);
const EMPTY_INDENT = ts``;

/** The text of types.ts after the banner. */
export function renderNativeTypes(source: OpenApiDocument): Code {
  // Discriminator mappings are applied by patching the mapped schemas, as openapi-typescript does: on a copy.
  const document = hasDiscriminators(source) ? (structuredClone(source) as OpenApiDocument) : source;
  const tracksPaths = document !== source;
  const ctx: Context = {
    document,
    discriminators: tracksPaths ? scanDiscriminators(document) : { objects: {}, refsHandled: [] },
    operations: undefined,
    withRequired: undefined,
    tracksPaths,
    refs: new Map(),
  };
  const root = document as Record<string, unknown>;
  const out = [HELPERS];
  out.push(declaration(ts`paths`, isObject(root.paths) ? pathsType(ctx, root.paths, "paths") : EMPTY));
  out.push(declaration(ts`webhooks`, isObject(root.webhooks) ? pathsType(ctx, root.webhooks, "webhooks") : EMPTY));
  const aliases: RecursiveAliases["aliases"] = [];
  out.push(
    declaration(ts`components`, isObject(root.components) ? componentsType(ctx, root.components, aliases) : EMPTY),
  );
  for (const alias of aliases) out.push(ts`export type ${alias.name} = ${print(alias.type, EMPTY_INDENT)};\n`);
  const defs = isObject(root.$defs) ? schemaType(ctx, root.$defs, at(ctx, ["$defs"])) : EMPTY;
  out.push(declaration(ts`$defs`, defs.kind === "object" ? defs : EMPTY));
  const operations = declaration(ts`operations`, ctx.operations ? objectType(ctx.operations) : EMPTY);
  if (ctx.withRequired === "first" || !ctx.operations)
    out.push(...(ctx.withRequired ? [WITH_REQUIRED] : []), operations);
  else out.push(operations, ...(ctx.withRequired ? [WITH_REQUIRED] : []));
  return join(out, "");
}

/**
 * One schema as a type expression for code beside types.ts (OpenAPI 3.2 `itemSchema` event data, which types.ts
 * cannot hold while it follows openapi-typescript): `$ref`s print as `components["schemas"]["X"]`, and readOnly /
 * writeOnly members as `$Read`/`$Write`, both of which types.ts exports under either engine.
 */
export function inlineSchemaType(
  document: OpenApiDocument,
  schema: unknown,
  indent: Code = EMPTY_INDENT,
): { type: Code; withRequired: boolean } {
  const ctx: Context = {
    document,
    discriminators: { objects: {}, refsHandled: [] },
    operations: undefined,
    withRequired: undefined,
    tracksPaths: false,
    refs: new Map(),
  };
  const type = print(schemaType(ctx, schema, ""), indent);
  return { type, withRequired: ctx.withRequired !== undefined };
}
