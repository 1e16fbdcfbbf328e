/**
 * Ajv (JSON Schema 2020-12) over the whole document, in the validators' dialect (dialect-document.ts). Validators are compiled by JSON Pointer into the
 * document, lazily and cached, so a 4 MB document (Stripe) starts fast and only pays for the operations it serves.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { RegExpEngine, RegExpLike } from "ajv/dist/types/index.js";
import * as ajvFormats from "ajv-formats";
import { escapeSegment } from "./pointer.js";
import { normalizeDocument } from "../emit/validators/dialect-document.js";

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

/** One view of the document per direction (readOnly/writeOnly decide what is required). */
const VIEW_ID: Record<Direction, string> = { request: "mock:request", response: "mock:response" };
const MAX_ISSUES = 20;

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

/**
 * Real documents carry patterns JavaScript cannot compile (other regex dialects). Such a pattern is reported and
 * skipped, instead of failing the whole schema and leaving everything around it unchecked.
 */
function lenientRegExp(warn: (message: string) => void): RegExpEngine {
  const engine = (pattern: string, flags: string): RegExpLike => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      warn(`pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression; it is not checked`);
      return { test: () => true };
    }
  };
  return Object.assign(engine, { code: "new RegExp" });
}

function createAjv(coerce: boolean, warn: (message: string) => void): Ajv2020 {
  const ajv = new Ajv2020({
    code: { regExp: lenientRegExp(warn) },
    strict: false,
    allErrors: true,
    validateSchema: false,
    inlineRefs: false,
    logger: false,
    coerceTypes: coerce ? "array" : false,
    // Request bodies are the client's: a required member named `__proto__` or `constructor` must be the body's
    // own, not one every object inherits.
    ownProperties: true,
  });
  addFormats(ajv);
  return ajv;
}

export class SchemaRegistry {
  private readonly strictAjv = createAjv(false, (message) => this.warn(message));
  private readonly coercingAjv = createAjv(true, (message) => this.warn(message));
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
    const view = (direction: "schema" | Direction): Record<string, unknown> =>
      normalizeDocument(document, { direction, keepAnnotations: true }) as Record<string, unknown>;
    this.document = view("schema");
    const request = view("request");
    this.strictAjv.addSchema(request, VIEW_ID.request);
    this.strictAjv.addSchema(view("response"), VIEW_ID.response);
    this.coercingAjv.addSchema(request, VIEW_ID.request);
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
      check = this.compile(fragment, options);
      this.cache.set(key, check);
    }
    return check;
  }

  private compile(fragment: string, { coerce, direction, prefix }: CheckOptions): Check {
    const ajv = coerce && direction === "request" ? this.coercingAjv : this.strictAjv;
    // Wrapping the value in an object lets Ajv coerce the root value too (it only coerces through a parent).
    let validate: ValidateFunction;
    try {
      validate = ajv.compile({
        type: "object",
        properties: { v: { $ref: `${VIEW_ID[direction]}#${fragment}` } },
      });
    } catch (error) {
      this.warn(
        `cannot compile the schema at #${decodeURIComponent(fragment)}: ${(error as Error).message}; not validated`,
      );
      return { run: (value) => ({ value, issues: [] }) };
    }
    return {
      run(value) {
        const holder: { v: unknown } = { v: value };
        if (validate(holder) as boolean) return { value: holder.v, issues: [] };
        return { value: holder.v, issues: toIssues(validate.errors ?? [], prefix) };
      },
    };
  }
}

function toIssues(errors: ErrorObject[], prefix: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const at = error.instancePath.replace(/^\/v/, "");
    const issue = describe(error, `${prefix}${at}`);
    const key = `${issue.path} ${issue.keyword} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Past the cap only the failed compositions are kept: they say where a different branch is needed.
    if (issues.length < MAX_ISSUES || issue.keyword === "oneOf" || issue.keyword === "anyOf") issues.push(issue);
  }
  return issues;
}

function describe(error: ErrorObject, path: string): Issue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return { path: `${path}/${escapeSegment(params.missingProperty)}`, keyword: "required", message: "is required" };
  }
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return {
      path: `${path}/${escapeSegment(params.additionalProperty)}`,
      keyword: "additionalProperties",
      message: "is not an allowed property (additionalProperties: false)",
    };
  }
  if (error.keyword === "not") {
    return {
      path,
      keyword: "not",
      message: "matches a combination the schema forbids (`not`), e.g. mutually exclusive properties",
    };
  }
  return { path, keyword: error.keyword, message: error.message ?? `fails ${error.keyword}` };
}
