/**
 * normalizeSchema over a whole OpenAPI document: every place the document holds a schema (components, parameters,
 * headers, media types, callbacks, webhooks, path items) is rewritten; everything else is kept as is (shared, not
 * copied). The mock validates and synthesises from the result, so it reads one dialect translation with the
 * generated validators. `$ref`s stay document pointers, so the result can be handed to Ajv as one schema resource.
 */
import type { OpenApiVersion } from "../../load/load.js";
import { normalizeSchema, type DialectContext, type Direction } from "./dialect.js";

export interface DocumentDialectOptions {
  /** Defaults to the document's own `openapi` field ("3.1" when it has none). */
  version?: OpenApiVersion;
  direction: Direction;
  keepAnnotations?: boolean;
}

type Walk = (node: unknown) => unknown;

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function normalizeDocument(document: unknown, options: DocumentDialectOptions): unknown {
  const ctx: DialectContext = {
    version: options.version ?? versionOf(document),
    direction: options.direction,
    document,
    mapRef: (ref) => ref,
    keepAnnotations: options.keepAnnotations ?? false,
  };
  const schema: Walk = (node) => normalizeSchema(node, ctx);
  const content: Walk = (node) => mapOf(mediaType)(node);
  const header: Walk = (node) => fields(node, { schema, content });
  const mediaType: Walk = (node) =>
    fields(node, { schema, encoding: mapOf((e) => fields(e, { headers: mapOf(header) })) });
  const parameter: Walk = header;
  const requestBody: Walk = (node) => fields(node, { content });
  const response: Walk = (node) => fields(node, { headers: mapOf(header), content });
  const callback: Walk = (node) => mapOf(pathItem)(node);
  const operation: Walk = (node) =>
    fields(node, {
      parameters: listOf(parameter),
      requestBody,
      responses: mapOf(response),
      callbacks: mapOf(callback),
    });
  function pathItem(node: unknown): unknown {
    return fields(node, { parameters: listOf(parameter) }, (key) => (METHODS.has(key) ? operation : undefined));
  }
  const components: Walk = (node) =>
    fields(node, {
      schemas: mapOf(schema),
      parameters: mapOf(parameter),
      headers: mapOf(header),
      requestBodies: mapOf(requestBody),
      responses: mapOf(response),
      callbacks: mapOf(callback),
      pathItems: mapOf(pathItem),
    });
  return fields(document, { paths: mapOf(pathItem), webhooks: mapOf(pathItem), components });
}

function versionOf(document: unknown): OpenApiVersion {
  const declared = isRecord(document) ? document.openapi : undefined;
  return typeof declared === "string" && declared.startsWith("3.0") ? "3.0" : "3.1";
}

/** A copy of an object whose listed members are walked; a `$ref` object or any other value is returned as is. */
function fields(node: unknown, walks: Record<string, Walk>, byKey?: (key: string) => Walk | undefined): unknown {
  if (!isRecord(node) || typeof node.$ref === "string") return node;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const walk = Object.prototype.hasOwnProperty.call(walks, key) ? walks[key] : byKey?.(key);
    define(out, key, walk ? walk(node[key]) : node[key]);
  }
  return out;
}

function mapOf(walk: Walk): Walk {
  return (node) => {
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) define(out, key, walk(node[key]));
    return out;
  };
}

function listOf(walk: Walk): Walk {
  return (node) => (Array.isArray(node) ? node.map(walk) : node);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Plain assignment would turn a key named `__proto__` into a prototype change instead of a property. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty for that one name only: it is several times slower than assignment on a 4 MB document.
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
