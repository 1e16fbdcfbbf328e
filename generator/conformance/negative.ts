/**
 * Negative requests, one violation at a time on the minimal valid request: a wrong type, a bound crossed, a
 * pattern or format missed, a required member or parameter removed, an undeclared member where
 * `additionalProperties: false`, a malformed path parameter. Each must be refused with a 4xx. Then `ignored_auth`:
 * without credentials, and with wrong ones, a secured operation must answer 401/403.
 */
import { follow } from "../openapi/pointer.js";
import type { MockOperation, MockParameter } from "../mock/operation-types.js";
import { checkable, invalidCredentials } from "./credentials.js";
import { fail, wire, type RunContext } from "./context.js";
import { mutationsFor } from "./mutate.js";
import { probe } from "./positive.js";
import { generatedParams, sendableMedia, type RequestFactory } from "./requests.js";
import type { Parts } from "./types.js";

const MAX_MUTATIONS = 40;

interface Variant {
  what: string;
  parts: Parts;
}

const LOCATION = { path: "path", query: "query", header: "headers", cookie: "cookies" } as const;

function paramVariants(ctx: RunContext, factory: RequestFactory, p: MockParameter, base: Parts): Variant[] {
  const where = LOCATION[p.in];
  const label = p.in === "path" ? `malformed path parameter ${p.name}` : `${p.in} parameter ${p.name}`;
  const out: Variant[] = [];
  if (p.required) {
    const values = { ...base[where] };
    delete values[p.name];
    if (p.in !== "path") out.push({ what: `${label} missing`, parts: { ...base, [where]: values } });
  }
  if (!p.schema) return out;
  const wrapper = { type: "object", properties: { [p.name]: follow(ctx.registry.document, p.schema).value } };
  for (const m of mutationsFor(ctx.registry.document, wrapper)) {
    if (m.what.startsWith("root")) continue;
    const mutated = m.apply(base[where]) as Record<string, unknown>;
    const value = mutated[p.name];
    if (p.in === "header" && !/^[\x20-\x7e]*$/.test(String(value))) continue;
    if (p.in === "path" && (value === "" || value === "." || value === "..")) continue;
    if (factory.paramValid(p, value)) continue;
    out.push({ what: `${label}: ${m.what.replace(`${p.name} `, "")}`, parts: { ...base, [where]: mutated } });
  }
  return out;
}

function bodyVariants(ctx: RunContext, factory: RequestFactory, op: MockOperation, base: Parts): Variant[] {
  const out: Variant[] = [];
  if (op.body?.required && base.body !== undefined)
    out.push({ what: "required body missing", parts: { ...base, body: undefined, mediaType: undefined } });
  const media = sendableMedia(op).find((m) => m.mediaType === base.mediaType);
  if (!media?.schema || base.body === undefined) return out;
  for (const m of mutationsFor(ctx.registry.document, follow(ctx.registry.document, media.schema).value)) {
    const body = m.apply(base.body);
    if (!factory.bodyValid(media, body)) out.push({ what: `body: ${m.what}`, parts: { ...base, body } });
  }
  return out;
}

export async function negative(ctx: RunContext, op: MockOperation, factory: RequestFactory, base: Parts) {
  const variants = [
    ...generatedParams(op, ctx.reserved).flatMap((p) => paramVariants(ctx, factory, p, base)),
    ...bodyVariants(ctx, factory, op, base),
  ].slice(0, MAX_MUTATIONS);
  for (const variant of variants) {
    if (!ctx.sender.open) return;
    const request = wire(ctx, op, variant.parts);
    const { exchange, findings } = await probe(ctx, op, request);
    const status = exchange?.status;
    // Error answers for invalid input need not be documented one by one; their documented bodies must still match.
    const kept = findings.filter(
      (f) => f.check !== "status_code_conformance" && f.check !== "positive_data_acceptance",
    );
    for (const f of kept)
      fail(ctx, op, f.check, `${variant.what}: ${f.message}`, [request], { input: variant.parts, status });
    if (status !== undefined && (status < 400 || status >= 500)) {
      fail(ctx, op, "negative_data_rejection", `${variant.what}: answered ${status}, expected a 4xx`, [request], {
        input: variant.parts,
        status,
      });
    }
  }
}

/** Whether `ignored_auth` applies: every alternative needs credentials that can be checked over HTTP. */
export function secured(doc: Record<string, unknown>, op: MockOperation): boolean {
  if (op.security.length === 0) return false;
  return op.security.every((r) => Object.keys(r).length > 0 && Object.keys(r).every((n) => checkable(doc, n)));
}

export async function ignoredAuth(ctx: RunContext, op: MockOperation, base: Parts) {
  const attempts: [string, ReturnType<typeof wire>][] = [["without credentials", wire(ctx, op, base, {})]];
  if (ctx.credentialsKnown)
    attempts.push(["with invalid credentials", wire(ctx, op, base, invalidCredentials(ctx.credentials))]);
  for (const [what, request] of attempts) {
    if (!ctx.sender.open) return;
    const { exchange, findings } = await probe(ctx, op, request);
    // As for invalid input: the refusal itself need not be documented, a documented refusal's body must match.
    for (const f of findings.filter(
      (f) => f.check !== "positive_data_acceptance" && f.check !== "status_code_conformance",
    ))
      fail(ctx, op, f.check, `${what}: ${f.message}`, [request], { input: base, status: exchange?.status });
    const status = exchange?.status;
    if (status !== undefined && status !== 401 && status !== 403)
      fail(ctx, op, "ignored_auth", `${what}: answered ${status}, expected 401 or 403`, [request], {
        input: base,
        status,
      });
  }
}
