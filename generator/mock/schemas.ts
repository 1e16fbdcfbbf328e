/**
 * Request and response checks of the mock, on the generated validators' engine: the same compiler
 * (generator/emit/validators/), the same run-time helpers, formats and pattern rule (V8 only where provably linear,
 * else RE2), compiled to JavaScript in memory. Checks are compiled by JSON Pointer into the document, lazily and
 * cached, so a 4 MB document (Stripe) starts fast and only pays for the operations it serves; one compiled
 * function serves requests and responses (readOnly/writeOnly are a run-time flag).
 */
import * as formats from "../runtime/formats.js";
import * as re2 from "../runtime/re2-pattern.js";
import * as engine from "../runtime/validator-engine.js";
import { Compiler, PatternError } from "../emit/validators/compiler.js";
import { SchemaShapeError } from "../emit/validators/keywords.js";
import { DOCUMENT_BASE, Registry, SchemaRefError } from "../emit/validators/registry.js";
import { normalizeDocument } from "../emit/validators/dialect-document.js";
import { coerce } from "./coerce.js";

export interface Issue {
  /** JSON Pointer, prefixed by where the value came from: `/body/name`, `/query/limit`. */
  path: string;
  keyword: string;
  message: string;
}

export type Direction = "request" | "response";

export interface CheckOptions {
  /** Requests: readOnly members are not required; responses: writeOnly members are not. */
  direction: Direction;
  /** Convert text to the schema's types first (parameters, form bodies). Requests only. */
  coerce?: boolean;
  /** Prepended to every issue's path: `/body`, `/query/limit`. */
  prefix: string;
}

export interface Check {
  /** Validates (and for coercing checks converts strings to the schema's types) the value. */
  run(value: unknown): { value: unknown; issues: Issue[] };
}

const DIRECTION: Record<Direction, number> = { request: 1, response: 2 };
const MAX_ISSUES = 20;
const HELPERS = Object.keys(engine).filter((name) => name !== "$D");
const EXTRAS = { ...formats, ...re2 };

type Compiled = (d: unknown, y: null, e: Issue[] | null) => boolean;

export class SchemaRegistry {
  private readonly compiler: Compiler;
  private readonly registry: Registry;
  /** The compiled functions and constants (`F.v1a`), shared by every batch. */
  private readonly table: Record<string, unknown> = {};
  private readonly functions = new Map<string, Compiled | undefined>();
  private readonly cache = new Map<string, Check>();

  /**
   * The document in JSON Schema 2020-12 (the validators' dialect translation, annotations kept); synthesis reads
   * schemas from here.
   */
  readonly document: Record<string, unknown>;

  constructor(
    document: unknown,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.document = normalizeDocument(document, { direction: "schema", keepAnnotations: true }) as Record<
      string,
      unknown
    >;
    this.registry = new Registry(normalizeDocument(document, { direction: "schema" }));
    this.compiler = new Compiler(this.registry, {
      assertFormats: true,
      js: true,
      // Real documents carry patterns in other regex dialects: reported and skipped, the rest is still checked.
      onBadPattern: (error) =>
        this.warn(
          `pattern ${JSON.stringify(error.pattern)} ${
            /not a valid/.test(error.reason)
              ? "is not a JavaScript regular expression"
              : "needs a backtracking engine (no linear-time engine runs it)"
          } (at ${error.location}); it is not checked`,
        ),
    });
  }

  private readonly warned = new Set<string>();

  /** Reports a problem with the document once, however many requests run into it. */
  warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log(message);
  }

  /** A check for the schema at `fragment` (URI-encoded JSON Pointer into the document). */
  check(fragment: string, options: CheckOptions): Check {
    const key = `${options.direction}:${options.coerce ? "c" : "s"}${options.prefix}#${fragment}`;
    let check = this.cache.get(key);
    if (!check) {
      check = this.build(fragment, options);
      this.cache.set(key, check);
    }
    return check;
  }

  /** The compiled function of the schema at `fragment`; undefined (with a warning) when it cannot be compiled. */
  private compiled(fragment: string): Compiled | undefined {
    if (this.functions.has(fragment)) return this.functions.get(fragment);
    let fn: Compiled | undefined;
    try {
      const target = this.registry.resolve(`#${fragment}`, DOCUMENT_BASE);
      const name = this.compiler.entry(this.compiler.ref(target, false));
      this.compiler.drain();
      const code = [...this.compiler.declarations.splice(0), ...this.compiler.tail.splice(0)].join("\n");
      // The compiler wrote this code from the document through its safe literal helpers (as for validators.ts).
      new Function(
        "F",
        "E",
        "X",
        `"use strict";\nconst { ${HELPERS.join(", ")} } = E;\nconst { ${Object.keys(EXTRAS).join(", ")} } = X;\n${code}`,
      )(this.table, engine, EXTRAS);
      fn = this.table[name.slice(2)] as Compiled;
    } catch (error) {
      if (!(error instanceof PatternError || error instanceof SchemaRefError || error instanceof SchemaShapeError)) {
        throw error;
      }
      this.compiler.declarations.splice(0);
      this.compiler.tail.splice(0);
      this.warn(`cannot compile the schema at #${decodeURIComponent(fragment)}: ${error.message}; not validated`);
    }
    this.functions.set(fragment, fn);
    return fn;
  }

  private build(fragment: string, { coerce: coerces, direction, prefix }: CheckOptions): Check {
    const fn = this.compiled(fragment);
    if (!fn) return { run: (value) => ({ value, issues: [] }) };
    const schema = coerces && direction === "request" ? this.schemaAt(fragment) : undefined;
    const resolve = (ref: string): unknown => {
      try {
        return this.registry.resolve(ref, DOCUMENT_BASE).schema;
      } catch {
        return undefined;
      }
    };
    return {
      run: (input) => {
        const value = schema === undefined ? input : coerce(input, schema, resolve);
        // An absent value (no body, no parameter) is not this check's business: presence is checked elsewhere.
        if (value === undefined) return { value, issues: [] };
        return { value, issues: toIssues(engine.__validate(fn, DIRECTION[direction], value), prefix) };
      },
    };
  }

  private schemaAt(fragment: string): unknown {
    try {
      return this.registry.resolve(`#${fragment}`, DOCUMENT_BASE).schema;
    } catch {
      return undefined;
    }
  }
}

function toIssues(found: Issue[], prefix: string): Issue[] {
  const issues: Issue[] = [];
  for (const issue of found) {
    const at = { ...issue, path: `${prefix}${issue.path}` };
    // Past the cap only the failed compositions are kept: they say where a different branch is needed.
    if (issues.length < MAX_ISSUES || issue.keyword === "oneOf" || issue.keyword === "anyOf") issues.push(at);
  }
  return issues;
}
