/**
 * Valid requests for an operation: one deterministic base request (examples, else synthesis, with optional
 * members left out), and a fast-check arbitrary of valid ones per documented request media type. Validity is
 * decided by the document's schemas (the mock's engine) on the values as the server will read them.
 */
import fc from "fast-check";
import { kindOf, parseForm } from "../mock/media.js";
import { follow, isRecord } from "../openapi/pointer.js";
import type { MockMedia, MockOperation, MockParameter } from "../mock/operation-types.js";
import type { SchemaRegistry } from "../mock/schemas.js";
import { synthesize } from "../mock/synth.js";
import { arbitraryFor } from "./arbitrary.js";
import { EDGES, edgeValue } from "./edges.js";
import { encodeBody } from "./wire.js";
import type { Parts } from "./types.js";

/** Header names OpenAPI says a parameter cannot set, plus whatever credentials and the user's headers set. */
export function generatedParams(op: MockOperation, reserved: ReadonlySet<string>): MockParameter[] {
  return op.params.filter((p) => {
    const key = `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;
    if (reserved.has(key)) return false;
    return !(p.in === "header" && ["accept", "content-type", "authorization"].includes(p.name.toLowerCase()));
  });
}

/** Media types the engine can encode (JSON, forms, multipart with flat members, text). */
export function sendableMedia(op: MockOperation): MockMedia[] {
  return (op.body?.content ?? []).filter((m) => kindOf(m.mediaType) !== "binary");
}

const SENDABLE_PATH = (v: unknown): boolean => v !== "" && v !== "." && v !== ".." && v !== null;
const location = (p: MockParameter): "path" | "query" | "headers" | "cookies" =>
  p.in === "header" ? "headers" : p.in === "cookie" ? "cookies" : p.in;

export class RequestFactory {
  constructor(
    private readonly registry: SchemaRegistry,
    private readonly op: MockOperation,
    private readonly params: MockParameter[],
  ) {}

  private schemaOf(fragment: string | undefined): unknown {
    return fragment ? follow(this.registry.document, fragment).value : undefined;
  }

  paramValid(p: MockParameter, value: unknown): boolean {
    if (value === undefined) return !p.required;
    if (p.in === "path" && !SENDABLE_PATH(value)) return false;
    if (p.in === "header" && !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(String(value))) return false;
    if (!p.schema) return true;
    // Parameters travel as text: judge what the server reads back, not the value before serialisation.
    const sent = p.json || typeof value === "object" || value === null ? value : String(value);
    const check = this.registry.check(p.schema, { direction: "request", coerce: !p.json, prefix: "" });
    return check.run(sent).issues.length === 0;
  }

  bodyValid(media: MockMedia, body: unknown): boolean {
    if (!media.schema) return true;
    const kind = kindOf(media.mediaType);
    if (kind === "multipart" && isRecord(body) && Object.values(body).some((v) => typeof v === "object")) return false;
    const sent = kind === "form" ? parseForm(encodeBody(media.mediaType, body)) : body;
    const check = this.registry.check(media.schema, { direction: "request", coerce: kind === "form", prefix: "" });
    return check.run(sent).issues.length === 0;
  }

  valid(parts: Parts): boolean {
    if (!this.params.every((p) => this.paramValid(p, parts[location(p)][p.name]))) return false;
    const media = sendableMedia(this.op).find((m) => m.mediaType === parts.mediaType);
    if (!media) return !this.op.body?.required || sendableMedia(this.op).length === 0;
    return parts.body !== undefined && this.bodyValid(media, parts.body);
  }

  /** A deterministic valid request: examples first, then synthesis, then a seeded draw; optional members left out. */
  base(seed: number): Parts | undefined {
    const parts: Parts = { path: {}, query: {}, headers: {}, cookies: {} };
    for (const p of this.params) {
      if (!p.required) continue;
      const candidates = [synthesize(this.registry.document, this.schemaOf(p.schema))];
      let value = candidates.find((c) => this.paramValid(p, c));
      value ??= fc.sample(this.paramArbitrary(p), { seed, numRuns: 1 })[0];
      if (value === undefined) return undefined;
      parts[location(p)][p.name] = value;
    }
    const media = sendableMedia(this.op)[0];
    if (media) {
      const schema = this.schemaOf(media.schema);
      const synthesised = [media.example, synthesize(this.registry.document, schema)];
      let body = synthesised.find((c) => c !== undefined && this.bodyValid(media, c));
      if (body === undefined) {
        const drawn = fc.sample(this.bodyArbitrary(media), { seed, numRuns: 1 });
        body = drawn[0];
      }
      if (body === undefined) return undefined;
      parts.mediaType = media.mediaType;
      parts.body = this.minimal(media, body);
    }
    return parts;
  }

  /**
   * Boundary requests: every parameter and body member present at its lower bounds, its upper bounds, and with
   * full-length astral text, once per documented media type. Only valid ones are kept.
   */
  edges(base: Parts): Parts[] {
    const out: Parts[] = [];
    const media = sendableMedia(this.op);
    for (const edge of EDGES) {
      for (const m of media.length > 0 ? media : [undefined]) {
        const parts: Parts = {
          path: { ...base.path },
          query: { ...base.query },
          headers: { ...base.headers },
          cookies: { ...base.cookies },
        };
        for (const p of this.params) {
          const value = edgeValue(this.registry.document, this.schemaOf(p.schema), edge);
          if (value !== undefined && this.paramValid(p, value)) parts[location(p)][p.name] = value;
        }
        if (m) {
          const body = edgeValue(this.registry.document, this.schemaOf(m.schema), edge);
          if (body === undefined || !this.bodyValid(m, body)) continue;
          parts.mediaType = m.mediaType;
          parts.body = body;
        }
        if (this.valid(parts)) out.push(parts);
      }
    }
    return out;
  }

  /** Drops optional members one by one while the body stays valid: the smallest request is the clearest. */
  private minimal(media: MockMedia, body: unknown): unknown {
    if (!isRecord(body)) return body;
    const out = { ...body };
    for (const key of Object.keys(out)) {
      const without = { ...out };
      delete without[key];
      if (this.bodyValid(media, without)) delete out[key];
    }
    return out;
  }

  private paramArbitrary(p: MockParameter): fc.Arbitrary<unknown> {
    const schema = this.schemaOf(p.schema);
    return arbitraryFor(this.registry.document, schema, 0, { ascii: p.in === "header" || p.in === "cookie" }).filter(
      (v) => this.paramValid(p, v),
    );
  }

  private bodyArbitrary(media: MockMedia): fc.Arbitrary<unknown> {
    return arbitraryFor(this.registry.document, this.schemaOf(media.schema)).filter((b) => this.bodyValid(media, b));
  }

  /** Valid requests, each documented media type in turn; values of every location drawn independently. */
  arbitrary(): fc.Arbitrary<Parts> {
    const byLocation = (where: MockParameter["in"]): fc.Arbitrary<Record<string, unknown>> => {
      const params = this.params.filter((p) => p.in === where);
      const model = Object.fromEntries(params.map((p) => [p.name, this.paramArbitrary(p)]));
      return fc.record(model, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) });
    };
    const media = sendableMedia(this.op);
    const bodies: fc.Arbitrary<{ mediaType?: string; body?: unknown }>[] = media.map((m) =>
      this.bodyArbitrary(m).map((body) => ({ mediaType: m.mediaType, body })),
    );
    if (bodies.length === 0 || !this.op.body?.required) bodies.push(fc.constant({}));
    return fc
      .record({
        path: byLocation("path"),
        query: byLocation("query"),
        headers: byLocation("header"),
        cookies: byLocation("cookie"),
        body: fc.oneof(...bodies),
      })
      .map(({ body, ...rest }) => ({ ...rest, ...body }));
  }
}
