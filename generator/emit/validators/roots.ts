/**
 * Turns the schemas an API needs validators for into a few self-contained JSON Schema documents for Ajv.
 *
 * Every internal `$ref` (`#/components/schemas/Contact`, or any other pointer into the OpenAPI document) is
 * hoisted into the `$defs` of a root schema and rewritten to an absolute URI, so each target compiles without the
 * OpenAPI document around it. There is one root per direction: `schema` (component schemas as written),
 * `request` (readOnly properties not required) and `response` (writeOnly not required). A definition only gets a
 * request/response copy when that direction changes it or something it references, so most code is shared.
 */
import type { OpenApiVersion } from "../../load/load.js";
import { decodePointerSegment } from "../../model/refs.js";
import { normalizeSchema, type Direction, type JsonSchema } from "./dialect.js";

export const ROOT_BASE = "https://contactgen.invalid/";
const DIRECTIONS: readonly Direction[] = ["schema", "request", "response"];

export interface TargetSchema {
  /** Unique key chosen by the caller. */
  key: string;
  direction: Direction;
  schema: unknown;
  /** Where the schema sits, for error messages: `#/components/schemas/Contact`. */
  location: string;
}

export interface RootSet {
  /** Root documents to register with Ajv, keyed by `$id`. */
  roots: Array<{ id: string; schema: JsonSchema }>;
  /** Per target key: either a reference into a root, or a standalone schema to register under `id`. */
  entries: Map<string, { id: string; schema?: JsonSchema }>;
}

export class SchemaRefError extends Error {}

export function rootId(direction: Direction): string {
  return `${ROOT_BASE}${direction}.json`;
}

/** `#/components/schemas/A%20B` → `/components/schemas/A B` (decoded segments joined by `/`, escaped again). */
function canonicalPointer(ref: string): string {
  const segments = ref.slice(1).split("/").slice(1).map(decodePointerSegment);
  return segments.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** Readable `$defs` key: component schema names stay as they are (OpenAPI forbids `/` in them). */
function defKey(pointer: string): string {
  const prefix = "/components/schemas/";
  return pointer.startsWith(prefix) ? pointer.slice(prefix.length) : pointer;
}

function refTo(direction: Direction, pointer: string): string {
  const fragment = defKey(pointer).replace(/~/g, "~0").replace(/\//g, "~1");
  return `${rootId(direction)}#/$defs/${encodeURIComponent(fragment)}`;
}

export function buildRoots(document: unknown, version: OpenApiVersion, targets: TargetSchema[]): RootSet {
  const graph = discover(document, version, targets);
  const variant = variants(graph);
  const isVariant = (pointer: string, direction: Direction) =>
    direction !== "schema" && (variant.get(direction)?.has(pointer) ?? false);
  const normalizeIn = (schema: unknown, direction: Direction): JsonSchema =>
    normalizeSchema(schema, {
      version,
      direction,
      document,
      mapRef: (ref, inside) => {
        if (inside || !ref.startsWith("#")) return ref;
        const pointer = canonicalPointer(ref);
        // A definition that is its own resource is addressed by its `$id`: Ajv recurses endlessly when a
        // JSON Pointer path crosses into a resource that has a relative `$ref` of its own.
        const own = absoluteId(graph.nodes.get(pointer));
        if (own !== undefined) return own;
        return refTo(isVariant(pointer, direction) ? direction : "schema", pointer);
      },
    });

  const roots: RootSet["roots"] = [];
  for (const direction of DIRECTIONS) {
    const defs: Record<string, JsonSchema> = {};
    for (const pointer of [...graph.nodes.keys()].sort()) {
      if (direction !== "schema" && !isVariant(pointer, direction)) continue;
      const own = absoluteId(graph.nodes.get(pointer));
      if (own !== undefined) {
        // Its own resource: registered on its own, under its `$id`.
        if (direction === "schema") roots.push({ id: own, schema: normalizeIn(graph.nodes.get(pointer), direction) });
        continue;
      }
      Object.defineProperty(defs, defKey(pointer), {
        value: normalizeIn(graph.nodes.get(pointer), direction),
        enumerable: true,
      });
    }
    if (Object.keys(defs).length > 0)
      roots.push({ id: rootId(direction), schema: { $id: rootId(direction), $defs: defs } });
  }

  const entries: RootSet["entries"] = new Map();
  for (const target of targets) {
    const schema = normalizeIn(target.schema, target.direction);
    const keys = typeof schema === "object" ? Object.keys(schema) : [];
    const onlyRef = typeof schema === "object" && keys.length === 1 && typeof schema.$ref === "string";
    const known = onlyRef && roots.some((r) => String(schema.$ref).startsWith(r.id));
    entries.set(
      target.key,
      known
        ? { id: String(schema.$ref) }
        : { id: `${ROOT_BASE}${target.direction}/${encodeURIComponent(target.key)}.json`, schema },
    );
  }
  return { roots, entries };
}

interface Graph {
  nodes: Map<string, unknown>;
  edges: Map<string, Set<string>>;
  /** Pointers whose own normalisation differs per direction. */
  differs: Map<Direction, Set<string>>;
  /** Pointers containing an `$id`: copying them would register the same `$id` twice. */
  pinned: Set<string>;
}

function discover(document: unknown, version: OpenApiVersion, targets: TargetSchema[]): Graph {
  const graph: Graph = { nodes: new Map(), edges: new Map(), differs: new Map(), pinned: new Set() };
  for (const d of DIRECTIONS) graph.differs.set(d, new Set());
  const queue: Array<{ pointer: string; ref: string; from: string }> = [];
  const scan = (schema: unknown, direction: Direction, from: string | undefined): string => {
    const found = new Set<string>();
    const normalized = normalizeSchema(schema, {
      version,
      direction,
      document,
      mapRef: (ref, inside) => {
        if (inside || !ref.startsWith("#")) return ref;
        const pointer = canonicalPointer(ref);
        found.add(pointer);
        if (!graph.nodes.has(pointer)) queue.push({ pointer, ref, from: from ?? "" });
        return `#${pointer}`;
      },
    });
    if (from !== undefined) graph.edges.set(from, found);
    return JSON.stringify(normalized);
  };
  for (const target of targets) {
    try {
      scan(target.schema, target.direction, undefined);
    } catch (error) {
      throw new SchemaRefError(`${target.location}: ${(error as Error).message}`);
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (graph.nodes.has(next.pointer)) continue;
    const node = lookup(document, next.pointer);
    if (node === undefined) {
      throw new SchemaRefError(`unresolved $ref ${next.ref}${next.from ? ` (in #${next.from})` : ""}`);
    }
    graph.nodes.set(next.pointer, node);
    const neutral = scan(node, "schema", next.pointer);
    if (/"\$id"\s*:/.test(neutral)) graph.pinned.add(next.pointer);
    for (const d of ["request", "response"] as const) {
      if (scan(node, d, next.pointer) !== neutral) graph.differs.get(d)?.add(next.pointer);
    }
  }
  return graph;
}

/** A definition needs a per-direction copy when it differs itself or references one that does (fixpoint). */
function variants(graph: Graph): Map<Direction, Set<string>> {
  const result = new Map<Direction, Set<string>>();
  for (const d of ["request", "response"] as const) {
    const set = new Set([...(graph.differs.get(d) ?? [])].filter((p) => !graph.pinned.has(p)));
    for (let changed = true; changed;) {
      changed = false;
      for (const [pointer, refs] of graph.edges) {
        if (set.has(pointer) || graph.pinned.has(pointer)) continue;
        if ([...refs].some((r) => set.has(r))) {
          set.add(pointer);
          changed = true;
        }
      }
    }
    result.set(d, set);
  }
  return result;
}

/** Reads a canonical pointer (segments escaped with ~0/~1 only, no URI encoding). */
function lookup(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function absoluteId(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== "object") return undefined;
  const id = (schema as Record<string, unknown>).$id;
  if (typeof id !== "string") return undefined;
  try {
    return new URL(id).href === id ? id : undefined;
  } catch {
    return undefined;
  }
}
