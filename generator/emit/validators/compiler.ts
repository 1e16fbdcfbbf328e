/**
 * JSON Schema 2020-12 → TypeScript checks, one function per schema that others reference (each named component,
 * each `$ref` target) and one per distinct inline subschema (identical subschemas share their function: Stripe's
 * thousands of `{type: string, maxLength: 5000}` are one function). Every function serves both modes (first
 * failure / every issue) and every direction (a run-time flag decides whether readOnly / writeOnly members are
 * required), so the output grows with the schemas, not with how often or how they are used.
 *
 * Keyword code is in keywords.ts; this file names functions, resolves references and writes applicators.
 */
import { EMPTY, join, num, ts, type Code } from "../code.js";
import { identifier, stringLiteral } from "../safe.js";
import { ACCEPT, REJECT, type BodyCompiler, type Callee } from "./callee.js";
import { annotationOnly, bodyOf, typeOnly, type BodyContext } from "./keywords.js";
import { choosePatternEngine } from "./patterns.js";
import { DFA_LIMITS, patternDfa } from "./pattern-dfa.js";
import { v8Source } from "./pattern-v8-source.js";
import { SHORT_PATTERN_INPUT } from "../../runtime/re2-pattern.js";
import { patternMatcher } from "./pattern-matcher.js";
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
  readonly declarations: Code[] = [];
  /** Declarations that read functions when the module loads (dynamic-scope tables): after every function. */
  readonly tail: Code[] = [];
  private readonly byBody = new Map<string, Code>();
  /** Declarations of subschema functions not called yet (a type-only one may only ever be checked in place). */
  private readonly pending = new Map<string, Code>();
  private readonly named = [new Map<object, Code>(), new Map<object, Code>()] as const;
  private readonly queue: Array<{ target: Target; ann: boolean; name: Code }> = [];
  private readonly constants = new Map<string, Code>();
  private readonly scopes = new Map<string, Code>();
  /** What `sub` answered for a subschema, by base, resource and mode: a subschema is compiled once. */
  private readonly compiled = new Map<
    object,
    Array<{ base: string; resource: string; ann: boolean; callee: Callee }>
  >();
  /** Schemas whose body is being written (a function or a copy in a caller): none is written into itself. */
  readonly writing = new Set<object>();
  private next = 0;

  constructor(
    readonly registry: Registry,
    readonly options: CompileOptions,
  ) {}

  private fresh(prefix: "k" | "v"): Code {
    const name = `${prefix}${(this.next++).toString(36)}`;
    // Base 36 spells words: `var` and `void` cannot name a constant.
    if (name === "var" || name === "void") return this.fresh(prefix);
    // identifier() keeps it as it is: letters and digits, and no other reserved word starts with k or v.
    return this.options.js ? ts`F.${identifier(name)}` : identifier(name);
  }

  /** A TypeScript annotation, or nothing in JavaScript mode. */
  ts(text: Code): Code {
    return this.options.js ? EMPTY : text;
  }

  /** `const name: type = value;` (TypeScript) or `F.name = value;` (JavaScript). */
  define(name: Code, type: Code, value: Code): Code {
    return this.options.js ? ts`${name} = ${value};` : ts`const ${name}${type} = ${value};`;
  }

  /** The run-time direction (0 schema, 1 request, 2 response). */
  get direction(): Code {
    return this.options.js ? ts`E.$D` : ts`$D`;
  }

  /** A module-level constant (regular expression, Set, enum list), shared by every function that needs it. */
  constant(expression: Code, type: Code = EMPTY): Code {
    let name = this.constants.get(expression);
    if (name === undefined) {
      name = this.fresh("k");
      this.constants.set(expression, name);
      this.declarations.push(this.define(name, this.ts(type), expression));
    }
    return name;
  }

  /**
   * The constant that tests a spec pattern: a char-code matcher when one is provably equivalent (pattern-matcher.ts),
   * else V8 when provably linear, else a small automaton (pattern-dfa.ts), else RE2; none → PatternError.
   */
  pattern(source: string, location: string): Code {
    const engine = this.patternEngine(source, location);
    if (engine.kind === "constant") return engine.code;
    return this.constant(ts`$short(${engine.source}, ${engine.flags})`);
  }

  /**
   * The expression that tests `value` against a spec pattern. A pattern V8 runs only up to SHORT_PATTERN_INPUT
   * characters has the length test written here and its RegExp called directly, as a hand-written check would.
   */
  patternTest(source: string, location: string, value: Code): Code {
    const engine = this.patternEngine(source, location);
    if (engine.kind === "constant") return ts`${engine.code}.test(${value})`;
    const v8 = this.constant(ts`new RegExp(${engine.source}, ${engine.flags})`);
    const long = this.constant(ts`$long(${engine.source})`);
    return ts`(${value}.length <= ${num(SHORT_PATTERN_INPUT)} ? ${v8}.test(${value}) : ${long}.test(${value}))`;
  }

  private patternEngine(
    source: string,
    location: string,
  ): { kind: "constant"; code: Code } | { kind: "short"; source: Code; flags: Code } {
    const matcher = patternMatcher(source, this.options.js === true);
    if (matcher) return { kind: "constant", code: this.constant(matcher) };
    const choice = choosePatternEngine(source);
    // Not provably linear on V8: a small automaton (pattern-dfa.ts) when the pattern has one, else RE2.
    if (choice.engine === "re2") {
      const dfa = patternDfa(source, this.options.js === true, DFA_LIMITS);
      if (dfa) return { kind: "constant", code: this.constant(dfa) };
    }
    if (choice.engine === "none") {
      const error = new PatternError(location, source, choice.reason);
      if (!this.options.onBadPattern) throw error;
      this.options.onBadPattern(error);
      return { kind: "constant", code: this.constant(ts`{ test: () => true }`) };
    }
    if (choice.engine === "re2") return { kind: "constant", code: this.constant(ts`$re2(${stringLiteral(source)})`) };
    // Captures are never read: rewritten so V8 does less per test (pattern-v8-source.ts).
    const text = stringLiteral(v8Source(source, choice.flags));
    const flags = stringLiteral(choice.flags);
    if (choice.engine === "v8") return { kind: "constant", code: this.constant(ts`new RegExp(${text}, ${flags})`) };
    return { kind: "short", source: text, flags };
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
    if (ann) return { name, resource };
    return {
      name,
      resource,
      body: { schema: target.schema, ctx: { base: target.base, resource, location: target.location }, shared: true },
    };
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
    // `{$ref, description, ...}` checks what its target checks: call the target, not a function that calls it (one
    // frame and one path fix-up fewer per use; the annotations next to `$ref` assert nothing).
    if (typeof record.$ref === "string" && Object.keys(record).every((k) => k === "$ref" || annotationOnly(k))) {
      return this.ref(this.resolve(record.$ref, ctx.base, location), ann);
    }
    // The same for the OpenAPI idiom that gives a reference a description: `{allOf: [{$ref}], description}`.
    const only = Array.isArray(record.allOf) && record.allOf.length === 1 ? (record.allOf[0] as unknown) : undefined;
    if (only !== undefined && Object.keys(record).every((k) => k === "allOf" || annotationOnly(k))) {
      return this.sub(only, ctx, `${location}/allOf/0`, ann);
    }
    // Usually one entry (one base, one resource, one mode): a list, not a key built per call.
    const seen = this.compiled.get(record);
    const known = seen?.find((c) => c.ann === ann && c.base === ctx.base && c.resource === ctx.resource)?.callee;
    // Met before: the first use may have had the body written in place; this one is a use of a shared function.
    if (known !== undefined) return known.body ? { ...known, body: { ...known.body, shared: true } } : known;
    const callee = this.compile(record, ctx, location, ann);
    const entry = { base: ctx.base, resource: ctx.resource, ann, callee };
    if (seen) seen.push(entry);
    else this.compiled.set(record, [entry]);
    return callee;
  }

  private compile(record: Record<string, unknown>, ctx: BodyContext, location: string, ann: boolean): Callee {
    const body = bodyOf(this, record, { ...ctx, location }, ann);
    if (body === null) return { name: ACCEPT, resource: ctx.resource };
    const key = `${ann ? "A" : ""}${body}`;
    let name = this.byBody.get(key);
    // A body met before is shared: the first use may have its copy written in place, the others call it.
    const shared = name !== undefined;
    if (name === undefined) {
      name = this.fresh("v");
      this.byBody.set(key, name);
      this.pending.set(name, this.declare(name, body, ann));
    }
    if (ann) return { name, resource: ctx.resource };
    const inline = typeOnly(body);
    return inline
      ? { name, resource: ctx.resource, inline }
      : { name, resource: ctx.resource, body: { schema: record, ctx: { ...ctx, location }, shared } };
  }

  /**
   * A call expression. Entering another schema resource that declares `$dynamicAnchor`s goes through `$in`, which
   * pushes them on the dynamic scope.
   */
  call(callee: Callee, from: string, args: Code): Code {
    const declaration = this.pending.get(callee.name);
    if (declaration !== undefined) {
      this.pending.delete(callee.name);
      this.declarations.push(declaration);
    }
    if (callee.resource !== from && this.registry.dynamicAnchors.has(callee.resource)) {
      return ts`$in(${this.scope(callee.resource)}, ${callee.name}, ${args})`;
    }
    return ts`${callee.name}(${args})`;
  }

  /** A top-level check for a target (entering its resource's dynamic scope when it declares anchors). */
  entry(callee: Callee): Code {
    const args = ts`d, y, e`;
    const call = this.call(callee, "", args);
    if (call === ts`${callee.name}(${args})`) return callee.name;
    const name = this.fresh("v");
    this.declarations.push(this.check(name, [D, Y, E], ts`return ${call};`));
    return name;
  }

  /** The `{ anchor: function }` table of a resource's dynamic anchors. */
  private scope(resource: string): Code {
    let name = this.scopes.get(resource);
    if (name === undefined) {
      name = this.fresh("k");
      this.scopes.set(resource, name);
      const entries = [...(this.registry.dynamicAnchors.get(resource) ?? [])]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([anchor, target]) => ts`${stringLiteral(anchor)}: ${this.ref(target, true).name}`);
      this.tail.push(this.define(name, this.ts(ts`: Record<string, $C>`), ts`{ ${join(entries, ", ")} }`));
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
      const body = bodyOf(this, schema, ctx, ann) ?? ts`return true;`;
      this.declarations.push(this.declare(name, body, ann));
    }
  }

  /**
   * The declarations, in order, that the entries `roots` reach (TypeScript: `noUnusedLocals` refuses the others).
   * A function whose every use was written into its callers (keywords.ts inlining) is left out; so is a constant
   * that only such a body used. The dynamic-scope tables (`tail`) are kept, with what they reach. JavaScript mode
   * (the mock) keeps everything: later batches may call any function of the table.
   */
  output(roots: Code[]): Code[] {
    if (this.options.js) return [...this.declarations, ...this.tail];
    const declared = new Map<string, Code>();
    for (const declaration of this.declarations) {
      const name = declaredName(declaration);
      if (name !== undefined) declared.set(name, declaration);
    }
    const reached = new Set<string>();
    const work: string[] = [...roots, ...this.tail];
    for (let code = work.pop(); code !== undefined; code = work.pop()) {
      // One pass over the code: a string literal is matched whole (and skipped), so a name inside one is no use.
      for (const [name] of code.matchAll(NAME_OR_STRING)) {
        const declaration = declared.get(name);
        if (declaration === undefined || reached.has(name)) continue;
        reached.add(name);
        work.push(declaration);
      }
    }
    const kept = this.declarations.filter((declaration) => {
      const name = declaredName(declaration);
      return name === undefined || reached.has(name);
    });
    return [...kept, ...this.tail];
  }

  private declare(name: Code, body: Code, ann: boolean): Code {
    const code = codeOnly(body);
    const param = ([id, unused, type]: Param): Param =>
      new RegExp(`(?<![\\w$])${id}(?![\\w$])`).test(code) ? [id, unused, type] : [unused, unused, type];
    const params = [param(D), param(Y), param(E), ...(ann ? [param(A)] : [])];
    return this.check(name, params, body);
  }

  /**
   * A check function of type `$C`. TypeScript gets a function declaration with its parameter types written out, not
   * `const name: $C = (…) => {…}`: tsc follows every reference to a module-level `const` inside a function back
   * through the module's control flow (thousands of declarations in Stripe's file), while a function declaration's
   * name needs no flow analysis. Same function, about half the check time of Stripe's and OpenAI's validators.ts.
   */
  private check(name: Code, params: Param[], body: Code): Code {
    if (this.options.js) {
      return this.define(
        name,
        EMPTY,
        ts`(${join(
          params.map(([id]) => id),
          ", ",
        )}) => {\n${body}\n}`,
      );
    }
    const typed = params.map(([id, , type]) => ts`${id}${type}`);
    return ts`function ${name}(${join(typed, ", ")}): boolean {\n${body}\n}`;
  }
}

/**
 * Each parameter of a check: its name, its name when the body does not read it (`noUnusedParameters`), and its
 * annotation as in `$C` (generator/runtime/validator-engine.ts).
 */
type Param = readonly [Code, Code, Code];
const D: Param = [ts`d`, ts`_d`, ts`: any`];
const Y: Param = [ts`y`, ts`_y`, ts`: any`];
const E: Param = [ts`e`, ts`_e`, ts`: $E`];
const A: Param = [ts`a`, ts`_a`, ts`?: $A`];

/** A function or constant name of this module (`v1`, `k2`, not `d.v1`), or a whole string or template literal. */
const NAME_OR_STRING = /"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|(?<![\w$.])[kv][0-9a-z]+(?![\w$])/g;

/** The name a TypeScript declaration of this module defines (`function v1(`, `const k2`). */
function declaredName(declaration: string): string | undefined {
  return /^(?:function |const )([kv][0-9a-z]+)(?![\w$])/.exec(declaration)?.[1];
}

/** Strips string and template literals, so parameter names are only looked for in code. */
function codeOnly(body: string): string {
  return body.replace(/"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}
