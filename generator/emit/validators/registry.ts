/**
 * Schema resources of one (dialect-normalised) OpenAPI document: where `$ref`, `$dynamicRef`, `$id`, `$anchor` and
 * `$dynamicAnchor` lead. The document itself is the resource `DOCUMENT_BASE`, so `#/components/schemas/Contact`
 * resolves as a JSON Pointer into it; every schema with an absolute or relative `$id` is a resource of its own.
 */
import { escapeSegment, unescapeSegment } from "../../openapi/pointer.js";

export const DOCUMENT_BASE = "https://contactgen.invalid/openapi.json";

export type Schema = boolean | Record<string, unknown>;

export interface Target {
  schema: Schema;
  /** Base URI the schema's own relative references resolve against. */
  base: string;
  /** Where it sits, for messages: `#/components/schemas/Contact` or a `$id`. */
  location: string;
}

export class SchemaRefError extends Error {}

/** Members that hold no subschemas: their values are data, never walked for `$id`s. */
const DATA = new Set(["enum", "const", "default", "examples", "example", "required", "type"]);

export class Registry {
  private readonly resources = new Map<string, Target>();
  private readonly anchors = new Map<string, Target>();
  /** Per resource URI: `$dynamicAnchor` name → schema. */
  readonly dynamicAnchors = new Map<string, Map<string, Target>>();
  /** Resource URI (without fragment) of each schema object that starts or sits in a resource. */
  private readonly resourceOf = new WeakMap<object, string>();

  /** Segments of the JSON Pointer being indexed (joined only for the rare schemas that are registered). */
  private readonly path: string[] = [];

  constructor(readonly document: unknown) {
    this.index(document, DOCUMENT_BASE, DOCUMENT_BASE);
  }

  private get location(): string {
    return `#${this.path.map((s) => `/${escape(s)}`).join("")}`;
  }

  private index(node: unknown, base: string, resource: string): void {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        this.path.push(String(i));
        this.index(node[i], base, resource);
        this.path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    let here = base;
    let res = resource;
    if (typeof record.$id === "string" && !record.$id.startsWith("#")) {
      here = stripFragment(new URL(record.$id, base).href);
      res = here;
      if (!this.resources.has(here)) this.resources.set(here, { schema: record, base: here, location: here });
    }
    this.resourceOf.set(record, res);
    if (typeof record.$anchor === "string") {
      this.anchors.set(`${res}#${record.$anchor}`, { schema: record, base: here, location: this.location });
    }
    if (typeof record.$dynamicAnchor === "string") {
      const target: Target = { schema: record, base: here, location: this.location };
      this.anchors.set(`${res}#${record.$dynamicAnchor}`, target);
      let map = this.dynamicAnchors.get(res);
      if (!map) this.dynamicAnchors.set(res, (map = new Map()));
      if (!map.has(record.$dynamicAnchor)) map.set(record.$dynamicAnchor, target);
    }
    for (const key in record) {
      if (DATA.has(key) || !Object.prototype.hasOwnProperty.call(record, key)) continue;
      const value = record[key];
      if (value === null || typeof value !== "object") continue;
      this.path.push(key);
      this.index(value, here, res);
      this.path.pop();
    }
  }

  /** The resource a schema object belongs to (its own `$id`, or the nearest enclosing one). */
  resourceFor(schema: Schema, base: string): string {
    return typeof schema === "object" ? (this.resourceOf.get(schema) ?? base) : base;
  }

  resolve(ref: string, base: string): Target {
    let url: URL;
    try {
      url = new URL(ref, base);
    } catch {
      throw new SchemaRefError(`cannot resolve $ref ${JSON.stringify(ref)}: not a URI reference`);
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    const resourceUri = stripFragment(url.href);
    if (fragment !== "" && !fragment.startsWith("/")) {
      const anchored = this.anchors.get(`${resourceUri}#${fragment}`);
      if (anchored) return anchored;
      throw new SchemaRefError(`unresolved $ref ${JSON.stringify(ref)} (no $anchor ${JSON.stringify(fragment)})`);
    }
    const resource = this.resources.get(resourceUri) ?? this.documentResource(resourceUri);
    if (!resource) throw new SchemaRefError(`unresolved $ref ${JSON.stringify(ref)}`);
    let node: unknown = resource.schema;
    let here = resource.base;
    let location = resource.location;
    for (const raw of fragment === "" ? [] : fragment.split("/").slice(1)) {
      const segment = unescapeSegment(raw);
      if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment)) {
        throw new SchemaRefError(`unresolved $ref ${JSON.stringify(ref)}`);
      }
      node = (node as Record<string, unknown>)[segment];
      location = `${location}/${escapeSegment(segment)}`;
      const id = node !== null && typeof node === "object" ? (node as Record<string, unknown>).$id : undefined;
      if (typeof id === "string" && !id.startsWith("#")) here = stripFragment(new URL(id, here).href);
    }
    if (typeof node === "boolean") return { schema: node, base: here, location };
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      throw new SchemaRefError(`$ref ${JSON.stringify(ref)} does not point to a schema`);
    }
    return { schema: node as Record<string, unknown>, base: here, location };
  }

  private documentResource(uri: string): Target | undefined {
    return uri === DOCUMENT_BASE ? { schema: this.document as Schema, base: DOCUMENT_BASE, location: "#" } : undefined;
  }
}

function stripFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash < 0 ? uri : uri.slice(0, hash);
}
