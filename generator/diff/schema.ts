import type { OpenApiDocument, SchemaObject } from "../load/openapi-types.js";
import { compareConstraints } from "./constraints.js";
import { normalizeSchema, refName } from "./resolve.js";
import { compareTypes, typeSet } from "./type-set.js";
import type { ChangeSink, Direction } from "./types.js";

export interface SchemaDiffContext {
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  sink: ChangeSink;
  direction: Direction;
  /** `$ref` pairs already compared on this path: recursive schemas stop here. */
  visiting: Set<string>;
}

type RawSchema = SchemaObject | boolean | undefined;

/** Compares two schemas at `location`, reporting each difference with its level for `ctx.direction`. */
export function compareSchema(ctx: SchemaDiffContext, before: RawSchema, after: RawSchema, location: string): void {
  const pair = `${refName(before) ?? ""}→${refName(after) ?? ""}`;
  if (pair !== "→") {
    if (ctx.visiting.has(pair)) return;
    ctx.visiting.add(pair);
  }
  try {
    compareResolved(ctx, normalizeSchema(ctx.oldDoc, before), normalizeSchema(ctx.newDoc, after), location);
  } finally {
    if (pair !== "→") ctx.visiting.delete(pair);
  }
}

function compareResolved(ctx: SchemaDiffContext, a: SchemaObject, b: SchemaObject, location: string): void {
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
  if (a.items !== undefined || b.items !== undefined) compareSchema(ctx, a.items, b.items, child(location, "[]"));
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

function compareProperties(ctx: SchemaDiffContext, a: SchemaObject, b: SchemaObject, location: string): void {
  const { sink, direction } = ctx;
  const before = visibleProperties(ctx, ctx.oldDoc, a);
  const after = visibleProperties(ctx, ctx.newDoc, b);
  const requiredBefore = new Set(a.required ?? []);
  const requiredAfter = new Set(b.required ?? []);
  for (const [name, schema] of before) {
    const at = child(location, `.${name}`);
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
    compareSchema(ctx, schema, after.get(name), at);
  }
  for (const name of after.keys()) {
    if (before.has(name)) continue;
    const at = child(location, `.${name}`);
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
function compareAdditional(ctx: SchemaDiffContext, a: SchemaObject, b: SchemaObject, location: string): void {
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
    compareSchema(ctx, before, after, child(location, "{*}"));
  }
}

/** Matches `oneOf`/`anyOf` alternatives by `$ref` target, else by position. */
function compareVariants(
  ctx: SchemaDiffContext,
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
    else compareSchema(ctx, variant, afterById.get(id), at);
  });
  after.forEach((variant, i) => {
    const id = ident(variant, i);
    if (beforeIds.has(id)) return;
    const at = `${location} ${key}[${id.replace(/^#\/components\/schemas\//, "")}]`;
    ctx.sink.widened(ctx.direction, "variant-added", at, `${key} alternative added`);
  });
}

/** `request body (application/json) › data[].email`: the part after › is the path inside the schema. */
function child(location: string, segment: string): string {
  return location.includes(" › ") ? `${location}${segment}` : `${location} › ${segment.replace(/^\./, "")}`;
}

export function show(value: unknown): string {
  return value === undefined ? "none" : JSON.stringify(value);
}
