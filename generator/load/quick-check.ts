/**
 * Redocly's structural check without Redocly's walk, for the common document: one JSON file whose every `$ref` is a
 * local `#/…` pointer. Its answer is only ever "clean" or "ask Redocly": it walks the same (node, type) pairs as
 * walkDocument (openapi-core walk.js) and runs Redocly's own `struct` visitor on each, but keeps no locations, so
 * any finding, and anything the bundle would rewrite, stops it, and the caller runs the full bundle, which reports
 * (or rewrites) exactly as before (docs/decisions/0118-quick-structural-check.md). On Stripe the walk costs a
 * fraction of Redocly's, whose per-node Location objects, closures and pointer strings are most of its time.
 *
 * Stops ("ask Redocly") on: a `$ref` that does not resolve to a non-`$ref` value by a plain `#/` pointer, a `$ref`
 * where a scalar is expected (the bundle inlines it), discriminator mappings (rewritten to components), an
 * Example's `externalValue`, `directResolveAs` and items types chosen by a function, a component name the
 * `spec-components-invalid-map-name` rule would report, any `struct` report, and any exception (a stack overflow
 * included: the bundle turns it into the right SpecError).
 */
import {
  detectSpec,
  getTypes,
  isRef,
  normalizeTypes,
  type Config,
  type NormalizedNodeType,
} from "@redocly/openapi-core";
import { LOAD_LIMITS, refValues, tooDeepAt } from "./resolver.js";

/** The `any` visitor of Redocly's `struct` rule (what its factory returns). */
export interface StructVisitor {
  any(node: unknown, ctx: Record<string, unknown>): void;
}

/** Thrown inside the walk: this document goes to the full bundle. */
const ASK_REDOCLY = new Error("quick check: ask Redocly");

function askRedocly(): never {
  throw ASK_REDOCLY;
}

/** Stands in for every Location the struct visitor builds (it only needs them to report, and a report stops us). */
const NOWHERE: Record<string, unknown> = {};
NOWHERE.child = () => NOWHERE;
NOWHERE.key = () => NOWHERE;

const COMPONENT_NAME = /^[a-zA-Z0-9.\-_]+$/;
/** The component maps `spec-components-invalid-map-name` checks (openapi-core rules/oas3). */
const NAMED_MAPS = new Set([
  "NamedSchemas",
  "NamedParameters",
  "NamedResponses",
  "NamedExamples",
  "NamedRequestBodies",
  "NamedHeaders",
  "NamedSecuritySchemes",
  "NamedLinks",
  "NamedCallbacks",
]);

type NodeType = NormalizedNodeType & {
  extensionsPrefix?: string;
  items?: unknown;
  additionalProperties?: unknown;
  properties: Record<string, unknown>;
};

const isNamed = (t: unknown): t is NodeType => typeof (t as { name?: unknown } | undefined)?.name === "string";
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

const typesByVersion = new WeakMap<Config, Map<string, Record<string, NodeType>>>();

function typesFor(config: Config, specVersion: ReturnType<typeof detectSpec>): Record<string, NodeType> {
  let byVersion = typesByVersion.get(config);
  if (!byVersion) typesByVersion.set(config, (byVersion = new Map()));
  let types = byVersion.get(specVersion);
  if (!types) {
    types = normalizeTypes(config.extendTypes(getTypes(specVersion), specVersion), config) as Record<string, NodeType>;
    byVersion.set(specVersion, types);
  }
  return types;
}

/**
 * A JSON root (`root` is JSON.parse of `text`, undefined for YAML) whose every `$ref` anywhere in the text is a `#/`
 * pointer, so the bundle would read nothing else, and no deeper than the load limit (else the bundle path reports).
 */
function selfContained(root: unknown, text: string): boolean {
  if (root === null || typeof root !== "object" || Array.isArray(root)) return false;
  for (const ref of refValues(text)) if (!ref.startsWith("#/")) return false;
  return tooDeepAt(root, LOAD_LIMITS.depth) === undefined;
}

/**
 * True when Redocly's bundle of the document (`root`, parsed from `text`) would report nothing and change nothing
 * but add an empty `components`; then that is done here. False: run the bundle.
 */
export function quickStructuralCheck(root: unknown, text: string, config: Config, struct: StructVisitor): boolean {
  if (!selfContained(root, text)) return false;
  try {
    const types = typesFor(config, detectSpec(root));
    new QuickWalk(root, struct, types).node(root, types.Root as NodeType, "");
  } catch {
    return false;
  }
  // The bundle visitor's Root.enter: `root.components = root.components || {}`.
  const record = root as Record<string, unknown>;
  record.components = record.components || {};
  return true;
}

class QuickWalk {
  /** Objects already walked, per type name (walk.js `seenNodesPerType`). */
  private readonly seen = new Map<string, Set<object>>();
  private readonly targets = new Map<string, unknown>();
  private readonly ctx: Record<string, unknown>;

  constructor(
    private readonly root: unknown,
    private readonly struct: StructVisitor,
    private readonly types: Record<string, NodeType>,
  ) {
    this.ctx = {
      report: askRedocly,
      // A `$ref` where struct resolves one is where the bundle would inline it.
      resolve: askRedocly,
      // struct calls it after a report (which stops us) and on every non-object extension value, where it only
      // keeps later visitors off that node: there are none here.
      ignoreNextVisitorsOnNode: () => undefined,
      location: NOWHERE,
      rawLocation: NOWHERE,
      type: undefined,
      key: undefined,
    };
  }

  /** The target of a local `$ref`, or a stop: only `#/` pointers without percent-escapes, to a non-`$ref` value. */
  private resolve(ref: string): unknown {
    const known = this.targets.get(ref);
    if (known !== undefined) return known;
    if (!ref.startsWith("#/") || ref.includes("%")) askRedocly();
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split("/")) {
      const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment))
        askRedocly();
      node = (node as Record<string, unknown>)[segment];
    }
    if (node === undefined || isRef(node)) askRedocly();
    this.targets.set(ref, node);
    return node;
  }

  node(node: unknown, type: NodeType, key: string | number): void {
    const ref = isRef(node);
    if (ref && type.name === "scalar") askRedocly();
    const resolved = ref ? this.resolve((node as { $ref: string }).$ref) : node;
    if (type.name === "scalar") return;
    if (type.name === "Example" && isPlainObject(resolved) && typeof resolved.externalValue === "string") askRedocly();
    if (type.name === "DiscriminatorMapping") askRedocly();
    if (type.name === "Discriminator" && isPlainObject(resolved) && resolved.defaultMapping !== undefined) askRedocly();
    const object = resolved !== null && typeof resolved === "object";
    let seen = this.seen.get(type.name);
    if (!seen) this.seen.set(type.name, (seen = new Set()));
    // Primitives are visited wherever they are (walk.js keys them by location, which is never seen twice here).
    if (!object || !seen.has(resolved)) {
      if (object) seen.add(resolved);
      this.ctx.type = type;
      this.ctx.key = key;
      this.struct.any(resolved, this.ctx);
      if (NAMED_MAPS.has(type.name) && isPlainObject(resolved)) {
        for (const name of Object.keys(resolved)) if (!COMPONENT_NAME.test(name)) askRedocly();
      }
      if (Array.isArray(resolved)) this.items(resolved, type);
      else if (isPlainObject(resolved)) this.members(resolved, type);
    }
    // The keys written next to `$ref` are walked as members of the same type (walk.js, composed refs).
    if (ref && Object.keys(node as object).length > 1) {
      const written = node as unknown as Record<string, unknown>;
      for (const name of Object.keys(written)) {
        if (name !== "$ref" && written[name] !== (resolved as Record<string, unknown> | undefined)?.[name])
          this.member(type, name, written[name]);
      }
    }
  }

  private items(list: unknown[], type: NodeType): void {
    const items = type.items;
    if (items === undefined) return;
    if (typeof items === "function") askRedocly();
    if (!isNamed(items)) return;
    for (let i = 0; i < list.length; i++) this.node(list[i], items, i);
  }

  /**
   * walk.js walks the declared members, then (for a map or an extensible type) the others; together, for a parsed
   * JSON object, that is each own key whose member type is declared, the catch-all, or the extension prefix. One
   * pass over the keys: walk.js's `props.includes` per key is quadratic on Stripe's 1,300-entry schema map.
   */
  private members(object: Record<string, unknown>, type: NodeType): void {
    const { properties, additionalProperties, extensionsPrefix } = type;
    for (const name of Object.keys(object)) {
      if (
        additionalProperties ||
        Object.prototype.hasOwnProperty.call(properties, name) ||
        (extensionsPrefix && name.startsWith(extensionsPrefix))
      )
        this.member(type, name, object[name]);
    }
  }

  /** walk.js `walkProp`: the member's type, then the member itself when that type is a named one. */
  private member(type: NodeType, name: string, value: unknown): void {
    let memberType: unknown = Object.prototype.hasOwnProperty.call(type.properties, name)
      ? type.properties[name]
      : undefined;
    const extension = type.extensionsPrefix !== undefined && name.startsWith(type.extensionsPrefix);
    if (memberType === undefined && !extension) memberType = type.additionalProperties;
    if (typeof memberType === "function") memberType = (memberType as (v: unknown, k: string) => unknown)(value, name);
    if (extension && !isNamed(memberType)) memberType = this.types.SpecExtension;
    if (!isNamed(memberType) && (memberType as { directResolveAs?: unknown } | undefined)?.directResolveAs)
      askRedocly();
    if (memberType && !isNamed(memberType) && (memberType as { resolvable?: unknown }).resolvable !== false) {
      // A scalar position: the bundle leaves it alone unless it holds a `$ref`, which it would inline.
      if (isRef(value)) askRedocly();
      return;
    }
    if (!isNamed(memberType)) return;
    this.node(value, memberType, name);
  }
}
