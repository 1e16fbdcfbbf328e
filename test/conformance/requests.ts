/** Request parts for an operation: one deterministic valid request, and fast-check arbitraries of valid ones. */
import fc from "fast-check";
import type { OperationModel, ParameterModel } from "../../generator/model/types.js";
import { synthesize } from "../../generator/mock/synth.js";
import { sampleParameter, type ApiUnderTest, type RequestParts } from "./apis.js";
import { arbitraryFor } from "../../generator/conformance/arbitrary.js";
import type { OperationJudges } from "./oracle.js";

function byName(params: ParameterModel[], value: (p: ParameterModel) => unknown): Record<string, unknown> {
  return Object.fromEntries(params.map((p) => [p.name, value(p)]));
}

/** A valid request built from the spec's examples, or synthesised from its schemas. */
export function exampleRequest(api: ApiUnderTest, judges: OperationJudges, op: OperationModel): RequestParts {
  const parts: RequestParts = { path: byName(op.pathParams, (p) => sampleParameter(api, p)) };
  const query = op.queryParams.filter((p) => p.required || p.example !== undefined);
  if (op.queryParams.length > 0) parts.query = byName(query, (p) => sampleParameter(api, p));
  if (op.headerParams.length > 0)
    parts.headers = byName(
      op.headerParams.filter((p) => p.required),
      (p) => sampleParameter(api, p),
    );
  const media = op.requestBody?.content[0];
  if (media) {
    const judge = judges.body;
    const candidates = [media.example, synthesize(api.registry.document, media.schema)];
    parts.body =
      candidates.find((c) => c !== undefined && (!judge || judge(c))) ??
      // Synthesis ignores `not` and similar: let fast-check find one the oracle accepts (seeded, so stable).
      fc.sample(
        arbitraryFor(api.registry.document, media.schema).filter((b) => !judge || judge(b)),
        { seed: 1, numRuns: 1 },
      )[0];
  }
  return parts;
}

/** Path segments `.` and `..` are rewritten by every URL parser, so no client can send them as values. */
const SENDABLE_PATH_VALUE = (v: unknown): boolean => v !== "" && v !== "." && v !== "..";

function paramsArbitrary(
  api: ApiUnderTest,
  params: ParameterModel[],
  path: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) {
    const arb = arbitraryFor(api.registry.document, p.schema);
    model[p.name] = path ? arb.filter(SENDABLE_PATH_VALUE) : arb;
  }
  return fc.record(model, { requiredKeys: params.filter((p) => p.required || path).map((p) => p.name) });
}

/** Arbitrary valid requests: every part drawn from its schema and kept only when the oracle agrees. */
export function requestArbitrary(
  api: ApiUnderTest,
  judges: OperationJudges,
  op: OperationModel,
): fc.Arbitrary<RequestParts> {
  const judge = judges.body;
  const media = op.requestBody?.content[0];
  const queryJudge = judges.query;
  const pathJudge = judges.path;
  const body = media
    ? arbitraryFor(api.registry.document, media.schema).filter((b) => !judge || judge(b))
    : fc.constant(undefined);
  return fc
    .record({
      path: paramsArbitrary(api, op.pathParams, true).filter(pathJudge),
      query: paramsArbitrary(api, op.queryParams, false).filter(queryJudge),
      body,
    })
    .map(({ path, query, body: b }) => {
      const parts: RequestParts = { path };
      if (op.queryParams.length > 0) parts.query = query;
      if (op.headerParams.length > 0)
        parts.headers = byName(
          op.headerParams.filter((p) => p.required),
          (p) => sampleParameter(api, p),
        );
      if (media) parts.body = b;
      return parts;
    });
}
