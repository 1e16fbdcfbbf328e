/**
 * JSON Schema 2020-12 → TypeScript checks, one function per schema that others reference (each named component,
 * each `$ref` target) and one per distinct inline subschema (identical subschemas share their function: Stripe's
 * thousands of `{type: string, maxLength: 5000}` are one function). Every function serves both modes (first
 * failure / every issue) and every direction (a run-time flag decides whether readOnly / writeOnly members are
 * required), so the output grows with the schemas, not with how often or how they are used.
 *
 * Keyword code is in keywords.ts; this file names functions, resolves references and writes applicators.
 */
import { stringLiteral } from "../safe.js";
import { ACCEPT, REJECT, type BodyCompiler, type Callee } from "./callee.js";
import { bodyOf, type BodyContext } from "./keywords.js";
import { choosePatternEngine } from "./patterns.js";
import { SchemaRefError, type Registry, type Schema, type Target } from "./registry.js";

export interface CompileOptions {
  assertFormats: boolean;
  /**
   * Plain JavaScript for `new Function` (the mock): no type annotations, every function and constant a member of
   * the table `F` (so batches compiled later can call earlier ones), the direction read as `E.$D`.
   */
  js?: boolean;
  /** Lenient mode (the mock): a pattern no linear engine runs is reported here and not checked, instead of thrown. */
  onBadPattern?: (error: PatternError) => void;
}

/** The body of a type-only subschema, as keywords.ts writes it. */
const TYPE_ONLY =
  /^if \(([^()]*|!\(typeof d === "number" && Number\.isFinite\(d\)\)|!Number\.isInteger\(d\))\) return \$tf\(e, p, y, (\d)\);\nreturn true;$/;

export class PatternError extends Error {
  constructor(
    readonly location: string,
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`pattern ${JSON.stringify(pattern)} at ${location}: ${reason}`);
  }
}

export { ACCEPT, REJECT, type Callee } from "./callee.js";

export class Compiler implements BodyCompiler {
  readonly declarations: string[] = [];
  /** Declarations that read functions when the module loads (dynamic-scope tables): after every function. */
  readonly tail: string[] = [];
  private readonly byBody = new Map<string, string>();
  /** Declarations of subschema functions not called yet (a type-only one may only ever be checked in place). */
  private readonly pending = new Map<string, string>();
  private readonly named = [new Map<object, string>(), new Map<object, string>()] as const;
  private readonly queue: Array<{ target: Target; ann: boolean; name: string }> = [];
  private readonly constants = new Map<string, string>();
  private readonly scopes = new Map<string, string>();
  private next = 0;

  constructor(
    readonly registry: Registry,
    readonly options: CompileOptions,
  ) {}

  private fresh(prefix: string): string {
    const name = `${prefix}${(this.next++).toString(36)}`;
    // Base 36 spells words: `var` and `void` cannot name a constant.
    if (name === "var" || name === "void") return this.fresh(prefix);
    return this.options.js ? `F.${name}` : name;
  }

  /** A TypeScript annotation, or nothing in JavaScript mode. */
  ts(text: string): string {
    return this.options.js ? "" : text;
  }

  /** `const name: type = value;` (TypeScript) or `F.name = value;` (JavaScript). */
  define(name: string, type: string, value: string): string {
    return this.options.js ? `${name} = ${value};` : `const ${name}${type} = ${value};`;
  }

  /** The run-time direction (0 schema, 1 request, 2 response). */
  get direction(): string {
    return this.options.js ? "E.$D" : "$D";
  }

  /** A module-level constant (regular expression, Set, enum list), shared by every function that needs it. */
  constant(expression: string, type = ""): string {
    let name = this.constants.get(expression);
    if (name === undefined) {
      name = this.fresh("k");
      this.constants.set(expression, name);
      this.declarations.push(this.define(name, this.ts(type), expression));
    }
    return name;
  }

  /** The constant that tests a spec pattern: V8 when provably linear, else RE2; neither → PatternError. */
  pattern(source: string, location: string): string {
    const choice = choosePatternEngine(source);
    if (choice.engine === "none") {
      const error = new PatternError(location, source, choice.reason);
      if (!this.options.onBadPattern) throw error;
      this.options.onBadPattern(error);
      return this.constant("{ test: () => true }");
    }
    if (choice.engine === "v8") return this.constant(`new RegExp(${stringLiteral(source)}, "${choice.flags}")`);
    if (choice.engine === "v8-short") return this.constant(`$short(${stringLiteral(source)}, "${choice.flags}")`);
    return this.constant(`$re2(${stringLiteral(source)})`);
  }

  /** The function of a `$ref` target (named, compiled once per annotation mode). */
  ref(target: Target, ann: boolean): Callee {
    const resource = this.registry.resourceFor(target.schema, target.base);
    if (typeof target.schema === "boolean") return { name: target.schema ? ACCEPT : REJECT, resource };
    const map = this.named[ann ? 1 : 0];
    let name = map.get(target.schema);
    if (name === undefined) {
      name = this.fresh("v");
      map.set(target.schema, name);
      this.queue.push({ target, ann, name });
    }
    return { name, resource };
  }

  /** The target of a reference; a dangling one is reported with the location of the schema holding it. */
  resolve(ref: string, base: string, location = ""): Target {
    try {
      return this.registry.resolve(ref, base);
    } catch (error) {
      if (error instanceof SchemaRefError && location) throw new SchemaRefError(`${location}: ${error.message}`);
      throw error;
    }
  }

  /** The function of a subschema written in place. */
  sub(schema: unknown, ctx: BodyContext, location: string, ann: boolean): Callee {
    if (typeof schema === "boolean") return { name: schema ? ACCEPT : REJECT, resource: ctx.resource };
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) {
      return { name: ACCEPT, resource: ctx.resource };
    }
    const record = schema as Record<string, unknown>;
    const id = typeof record.$id === "string" && !record.$id.startsWith("#") ? record.$id : undefined;
    if (id !== undefined || typeof record.$anchor === "string" || typeof record.$dynamicAnchor === "string") {
      const base = id === undefined ? ctx.base : new URL(id, ctx.base).href.replace(/#.*$/, "");
      return this.ref({ schema: record, base, location }, ann);
    }
    const keys = Object.keys(record);
    if (keys.length === 1 && typeof record.$ref === "string") {
      return this.ref(this.resolve(record.$ref, ctx.base, location), ann);
    }
    const body = bodyOf(this, record, { ...ctx, location }, ann);
    if (body === null) return { name: ACCEPT, resource: ctx.resource };
    const key = `${ann ? "A" : ""}${body}`;
    let name = this.byBody.get(key);
    if (name === undefined) {
      name = this.fresh("v");
      this.byBody.set(key, name);
      this.pending.set(name, this.declare(name, body, ann));
    }
    const typeOnly = ann ? null : TYPE_ONLY.exec(body);
    if (typeOnly)
      return { name, resource: ctx.resource, inline: { fails: typeOnly[1] as string, type: typeOnly[2] as string } };
    return { name, resource: ctx.resource };
  }

  /**
   * A call expression. Entering another schema resource that declares `$dynamicAnchor`s goes through `$in`, which
   * pushes them on the dynamic scope.
   */
  call(callee: Callee, from: string, args: string): string {
    const declaration = this.pending.get(callee.name);
    if (declaration !== undefined) {
      this.pending.delete(callee.name);
      this.declarations.push(declaration);
    }
    if (callee.resource !== from && this.registry.dynamicAnchors.has(callee.resource)) {
      return `$in(${this.scope(callee.resource)}, ${callee.name}, ${args})`;
    }
    return `${callee.name}(${args})`;
  }

  /** A top-level check for a target (entering its resource's dynamic scope when it declares anchors). */
  entry(callee: Callee): string {
    const call = this.call(callee, "", "d, p, y, e");
    if (call === `${callee.name}(d, p, y, e)`) return callee.name;
    const name = this.fresh("v");
    this.declarations.push(this.define(name, this.ts(": $C"), `(d, p, y, e) => ${call}`));
    return name;
  }

  /** The `{ anchor: function }` table of a resource's dynamic anchors. */
  private scope(resource: string): string {
    let name = this.scopes.get(resource);
    if (name === undefined) {
      name = this.fresh("k");
      this.scopes.set(resource, name);
      const entries = [...(this.registry.dynamicAnchors.get(resource) ?? [])]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([anchor, target]) => `${stringLiteral(anchor)}: ${this.ref(target, true).name}`);
      this.tail.push(this.define(name, this.ts(": Record<string, $C>"), `{ ${entries.join(", ")} }`));
    }
    return name;
  }

  /** Compiles every queued `$ref` target (compiling one may queue more). */
  drain(): void {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      const { target, ann, name } = item;
      const schema = target.schema as Record<string, unknown>;
      const ctx: BodyContext = {
        base: target.base,
        resource: this.registry.resourceFor(schema as Schema, target.base),
        location: target.location,
      };
      const body = bodyOf(this, schema, ctx, ann) ?? "return true;";
      this.declarations.push(this.declare(name, body, ann));
    }
  }

  private declare(name: string, body: string, ann: boolean): string {
    const code = codeOnly(body);
    const param = (id: string): string => (new RegExp(`(?<![\\w$])${id}(?![\\w$])`).test(code) ? id : `_${id}`);
    const params = [param("d"), param("p"), param("y"), param("e"), ...(ann ? [param("a")] : [])];
    return this.define(name, this.ts(": $C"), `(${params.join(", ")}) => {\n${body}\n}`);
  }
}

/** Strips string and template literals, so parameter names are only looked for in code. */
function codeOnly(body: string): string {
  return body.replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}
