import type { OpenApiDocument, SchemaObject } from "../load/openapi-types.js";
import { compareConstraints } from "./constraints.js";
import { normalizeSchema, refName } from "./resolve.js";
import { compareTypes, typeSet } from "./type-set.js";
import { ChangeSink, type Change, type Direction } from "./types.js";

/** One comparison of two `$ref` targets in one direction: its own changes and the ref pairs below it. */
export interface SchemaNode {
  /** Locations are paths relative to the node: `.email`, `[]`, ` oneOf[Contact]`. */
  changes: Change[];
  edges: Array<{ path: string; key: string }>;
}

/** Shared by a whole diff, so each pair of referenced schemas is compared once however often it is reached. */
export type SchemaGraph = Map<string, SchemaNode>;

export interface SchemaDiffContext {
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  sink: ChangeSink;
  direction: Direction;
  graph: SchemaGraph;
}

/** While a node is built, its sink records relative paths into the node. */
interface BuildContext extends SchemaDiffContext {
  node: SchemaNode;
}

type RawSchema = SchemaObject | boolean | undefined;

/**
 * Compares two schemas at `location`, reporting each difference with its level for `ctx.direction`. A change in a
 * referenced schema is reported once per call, at the first place the walk reaches it: large documents reach the
 * same schema along very many paths (Stripe), and repeating it would only repeat the same fact.
 */
export function compareSchema(ctx: SchemaDiffContext, before: RawSchema, after: RawSchema, location: string): void {
  const root: SchemaNode = { changes: [], edges: [] };
  compareAt({ ...ctx, node: root, sink: new ChangeSink(undefined, root.changes) }, before, after, "");
  emit(ctx, root, location, new Set());
}

/** Both sides `$ref`: compare (or reuse) the pair as a node; otherwise compare inline, which always terminates. */
function compareAt(ctx: BuildContext, before: RawSchema, after: RawSchema, path: string): void {
  const [a, b] = [refName(before), refName(after)];
  if (a === undefined || b === undefined) {
    compareResolved(ctx, normalizeSchema(ctx.oldDoc, before), normalizeSchema(ctx.newDoc, after), path);
    return;
  }
  const key = `${ctx.direction}|${a}|${b}`;
  ctx.node.edges.push({ path, key });
  if (ctx.graph.has(key)) return;
  // Registered before it is filled, so a recursive schema's edge back to itself simply points here.
  const node: SchemaNode = { changes: [], edges: [] };
  ctx.graph.set(key, node);
  const inner: BuildContext = { ...ctx, node, sink: new ChangeSink(undefined, node.changes) };
  compareResolved(inner, normalizeSchema(ctx.oldDoc, before), normalizeSchema(ctx.newDoc, after), "");
}

function emit(ctx: SchemaDiffContext, node: SchemaNode, location: string, seen: Set<string>): void {
  for (const c of node.changes) ctx.sink.add(c.kind, c.level, join(location, c.location), c.message);
  for (const edge of node.edges) {
    const target = ctx.graph.get(edge.key);
    if (!target || seen.has(edge.key)) continue;
    seen.add(edge.key);
    emit(ctx, target, join(location, edge.path), seen);
  }
}

/** `request body (application/json)` + `.data[].email` → `request body (application/json) › data[].email`. */
function join(location: string, path: string): string {
  if (path === "") return location;
  return location.includes(" › ") ? `${location}${path}` : `${location} › ${path.replace(/^[.\s]+/, "")}`;
}

function compareResolved(ctx: BuildContext, a: SchemaObject, b: SchemaObject, location: string): void {
  const { sink } = ctx;
  for (const key of ["description", "title"] as const) {
    if (a[key] !== b[key]) sink.add(`${key}-changed`, "docs", location, `${key} changed`);
  }
  if (JSON.stringify(a.example ?? a.examples) !== JSON.stringify(b.example ?? b.examples)) {
    sink.add("example-changed", "docs", location, "example changed");
  }
  if (!a.deprecated && b.deprecated) sink.add("deprecated", "non-breaking", location, "marked deprecated");
  if (JSON.stringify(a.default) !== JSON.stringify(b.default)) {
    const message = `default changed from ${show(a.default)} to ${show(b.default)}`;
    if (ctx.direction === "request")
      sink.add("default-changed", "non-breaking", location, `${message}: behaviour changes for callers that omit it`);
    else sink.add("default-changed", "docs", location, message);
  }
  const disjoint = compareTypes(sink, ctx.direction, typeSet(a), typeSet(b), location);
  if (disjoint) return;
  compareConstraints(sink, ctx.direction, a, b, location);
  compareProperties(ctx, a, b, location);
  compareAdditional(ctx, a, b, location);
  if (a.items !== undefined || b.items !== undefined) compareAt(ctx, a.items, b.items, `${location}[]`);
  compareVariants(ctx, "oneOf", a, b, location);
  compareVariants(ctx, "anyOf", a, b, location);
}

/** Properties the client actually sends (request) or receives (response): readOnly / writeOnly ones drop out. */
function visibleProperties(ctx: SchemaDiffContext, doc: OpenApiDocument, schema: SchemaObject): Map<string, RawSchema> {
  const hidden = ctx.direction === "request" ? "readOnly" : "writeOnly";
  const result = new Map<string, RawSchema>();
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    const resolved = normalizeSchema(doc, value);
    if (resolved[hidden] !== true) result.set(name, value);
  }
  return result;
}

function compareProperties(ctx: BuildContext, a: SchemaObject, b: SchemaObject, location: string): void {
  const { sink, direction } = ctx;
  const before = visibleProperties(ctx, ctx.oldDoc, a);
  const after = visibleProperties(ctx, ctx.newDoc, b);
  const requiredBefore = new Set(a.required ?? []);
  const requiredAfter = new Set(b.required ?? []);
  for (const [name, schema] of before) {
    const at = `${location}.${name}`;
    if (!after.has(name)) {
      sink.add("property-removed", "breaking", at, `${direction} property \`${name}\` removed`);
      continue;
    }
    const wasRequired = requiredBefore.has(name);
    const isRequired = requiredAfter.has(name);
    if (!wasRequired && isRequired) {
      sink.narrowed(direction, "property-became-required", at, `property \`${name}\` became required`);
    } else if (wasRequired && !isRequired) {
      sink.widened(direction, "property-became-optional", at, `property \`${name}\` became optional`);
    }
    compareAt(ctx, schema, after.get(name), at);
  }
  for (const name of after.keys()) {
    if (before.has(name)) continue;
    const at = `${location}.${name}`;
    if (direction === "request" && requiredAfter.has(name)) {
      sink.add("property-added-required", "breaking", at, `new required request property \`${name}\``);
    } else {
      sink.add(
        "property-added",
        "non-breaking",
        at,
        `new ${requiredAfter.has(name) ? "required" : "optional"} ${direction} property \`${name}\``,
      );
    }
  }
}

/** Closing an open object rejects what callers used to send; in responses the TS type only gains or loses an index. */
function compareAdditional(ctx: BuildContext, a: SchemaObject, b: SchemaObject, location: string): void {
  const before = a.additionalProperties;
  const after = b.additionalProperties;
  const closedBefore = before === false;
  const closedAfter = after === false;
  if (!closedBefore && closedAfter) {
    ctx.sink.narrowed(
      ctx.direction,
      "additional-properties-closed",
      location,
      "additional properties no longer allowed",
    );
  } else if (closedBefore && !closedAfter) {
    ctx.sink.add("additional-properties-opened", "non-breaking", location, "additional properties now allowed");
  } else if (typeof before === "object" || typeof after === "object") {
    compareAt(ctx, before, after, `${location}{*}`);
  }
}

/** Matches `oneOf`/`anyOf` alternatives by `$ref` target, else by position. */
function compareVariants(
  ctx: BuildContext,
  key: "oneOf" | "anyOf",
  a: SchemaObject,
  b: SchemaObject,
  location: string,
): void {
  const before = a[key] ?? [];
  const after = b[key] ?? [];
  if (before.length === 0 && after.length === 0) return;
  const ident = (variant: RawSchema, index: number) => refName(variant) ?? `#${index}`;
  const afterById = new Map(after.map((v, i) => [ident(v, i), v]));
  const beforeIds = new Set(before.map((v, i) => ident(v, i)));
  before.forEach((variant, i) => {
    const id = ident(variant, i);
    const at = `${location} ${key}[${id.replace(/^#\/components\/schemas\//, "")}]`;
    if (!afterById.has(id)) ctx.sink.narrowed(ctx.direction, "variant-removed", at, `${key} alternative removed`);
    else compareAt(ctx, variant, afterById.get(id), at);
  });
  after.forEach((variant, i) => {
    const id = ident(variant, i);
    if (beforeIds.has(id)) return;
    const at = `${location} ${key}[${id.replace(/^#\/components\/schemas\//, "")}]`;
    ctx.sink.widened(ctx.direction, "variant-added", at, `${key} alternative added`);
  });
}

export function show(value: unknown): string {
  return value === undefined ? "none" : JSON.stringify(value);
}
