/**
 * Conformance: every operation of every configured spec, called through its generated client against the mock,
 * and the conformance engine (`npm run conformance`) run against the mock of each API. Driven by the model's
 * operations and responses, so a new operation or status is covered without a new test. Every verdict is also
 * judged by an independent JSON Schema implementation (oracle.ts); a disagreement fails with the payload.
 * Prints the engine's `conformance: N/M operations, S/T documented statuses seen, F failures` line per API.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationModel, ResponseModel } from "../../generator/model/types.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { runConformance } from "../../generator/conformance/run.js";
import type { Verdict } from "../../generator/conformance/types.js";
import {
  CONFIG,
  clientHeaders,
  credentials,
  invoke,
  loadApi,
  sampleParameter,
  type ApiUnderTest,
  type GeneratedModule,
} from "./apis.js";
import { mutationsFor, type Mutation } from "../../generator/conformance/mutate.js";
import { Oracle, type OperationJudges } from "./oracle.js";
import { exampleRequest, requestArbitrary } from "./requests.js";

const RUNS = 100;
const SEED = 20261125;

const apis: ApiUnderTest[] = [];
for (const { name, spec } of CONFIG.apis) apis.push(await loadApi(name, spec));
const oracles = new Map(apis.map((api) => [api.model.name, Oracle.create(api.model)]));
/** Independent judges per operation, compiled before the tests are collected (skip decisions need them). */
const judgesOf = new Map<string, OperationJudges>();
for (const api of apis) {
  for (const op of api.model.operations)
    judgesOf.set(`${api.model.name}.${op.id}`, await oracles.get(api.model.name)!.prepare(api.model, op));
}

const lines: string[] = [];
afterAll(() => {
  process.stdout.write(`\n${lines.join("\n")}\n\n`);
});

/** Each answer the engine judged against a schema, judged again by the oracle; the ones they disagree on. */
async function disagreements(oracle: Oracle, verdicts: Verdict[]) {
  const out = [];
  for (const verdict of verdicts.filter((v) => v.schema !== undefined)) {
    const engine = !verdict.findings.some((f) => f.check === "response_schema_conformance");
    const independent = (await oracle.at(verdict.schema!))(JSON.parse(verdict.exchange.text));
    if (engine !== independent)
      out.push({
        operation: verdict.operation,
        status: verdict.exchange.status,
        schema: verdict.schema,
        engine,
        independent,
        body: verdict.exchange.text,
      });
  }
  return out;
}

async function engine(name: string, extra: string[]) {
  const verdicts: Verdict[] = [];
  let text = "";
  const code = await runConformance([name, "--seed", String(SEED), ...extra], {
    stdout: (t) => (text += t),
    stderr: (t) => (text += t),
    onVerdict: (v) => verdicts.push(v),
  });
  return { code, text, verdicts, line: /^conformance: .*$/m.exec(text)?.[0] };
}

describe.each(apis.map((api) => [api.model.name, api] as const))("engine against the %s mock", (name, api) => {
  const withSchema = api.model.operations.filter((op) => op.responses.some((r) => r.isSuccess && r.content[0]?.schema));

  it("passes every check, and an independent validator agrees with each schema verdict", async () => {
    const { code, text, verdicts, line } = await engine(name, ["--max-requests", "200"]);
    lines.push(`${name}: ${line ?? "no summary line"}`);
    expect(code, text).toBe(0);
    expect(line).toMatch(/^conformance: (\d+)\/\1 operations, \d+\/\d+ documented statuses seen, 0 failures/);
    // Every success answer with a JSON schema was judged (emnify answers 204 without a body: nothing to judge).
    expect(verdicts.filter((v) => v.schema !== undefined).length).toBeGreaterThanOrEqual(withSchema.length * 10);
    expect(await disagreements(oracles.get(name)!, verdicts)).toEqual([]);
  });

  it.skipIf(withSchema.length === 0)(
    "fails a mock told to break its answers, and the independent validator agrees on every broken body",
    async () => {
      const { code, text, verdicts } = await engine(name, ["--header", "x-mock-invalid: 1", "--max-requests", "60"]);
      expect(code, text).toBe(1);
      expect(text).toContain("response_schema_conformance");
      const broken = verdicts.filter((v) => v.findings.some((f) => f.check === "response_schema_conformance"));
      expect(broken.length).toBeGreaterThan(0);
      expect(await disagreements(oracles.get(name)!, verdicts)).toEqual([]);
    },
  );
});

/** A concrete status for a documented key: `404` → 404, `4XX` → 400, `default` → 500. */
function statusCode(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100;
  return 500;
}

interface Control {
  status?: number;
  invalid?: boolean;
  sent: number;
}

describe.each(apis.map((api) => [api.model.name, api] as const))("%s", (_name, api) => {
  let mock: MockServer;
  const control: Control = { sent: 0 };
  const generated = (): GeneratedModule => {
    if (api.client instanceof Error) throw api.client;
    return api.client;
  };
  const client = (options: Record<string, unknown> = {}): Record<string, unknown> =>
    generated().factory({
      baseUrl: mock.url,
      auth: credentials(api.model),
      headers: clientHeaders(api),
      validation: "strict",
      retry: false,
      fetch: (request: Request) => {
        control.sent++;
        if (control.status !== undefined) request.headers.set("x-mock-status", String(control.status));
        if (control.invalid) request.headers.set("x-mock-invalid", "1");
        return fetch(request);
      },
      ...options,
    });
  const reset = (patch: Partial<Control> = {}): void => {
    control.status = patch.status;
    control.invalid = patch.invalid;
    control.sent = 0;
  };

  beforeAll(async () => {
    mock = await startMock({ model: api.model });
  });
  afterAll(async () => {
    await mock?.close();
  });

  const ops = api.model.operations.map((op) => [op.id, op] as const);
  const key = (op: OperationModel): string => `${api.model.name}.${op.id}`;
  const success = (op: OperationModel): ResponseModel | undefined => op.responses.find((r) => r.isSuccess);

  describe.each(ops)("%s", (_id, op) => {
    const judges = judgesOf.get(key(op))!;
    it("answers a valid request with data that matches the documented response", async () => {
      reset();
      const data = await invoke(client(), op, exampleRequest(api, judges, op));
      expect(control.sent).toBe(1);
      if (judges.success) expect(judges.success(data), JSON.stringify(data)).toBe(true);
      else expect(data).toBeUndefined();
      if (op.pagination) {
        // Cursor pagination: the mock serves two pages; the iterator must follow the cursor and stop.
        const group = (op.group ? client()[op.group] : client()) as Record<string, unknown>;
        const all = group[`${op.methodName}All`] as (...args: unknown[]) => AsyncIterable<unknown>;
        const parts = exampleRequest(api, judges, op);
        // Start from the first page: no cursor in the initial request.
        const paging = op.pagination;
        const cursorHolder =
          paging.style !== "cursor" ? undefined : paging.cursorIn === "query" ? parts.query : parts.body;
        if (paging.style === "cursor" && cursorHolder && typeof cursorHolder === "object")
          delete (cursorHolder as Record<string, unknown>)[paging.cursorParam];
        const args: unknown[] = [...op.pathParams.map((p) => parts.path[p.name])];
        if (op.requestBody) args.push(parts.body);
        args.push(parts.query ? { query: parts.query } : {});
        reset();
        const items: unknown[] = [];
        for await (const item of all.apply(group, args)) items.push(item);
        expect(control.sent).toBe(2);
        expect(items.length).toBeGreaterThan(0);
        expect(judges.item, "the paginated item schema is found").toBeDefined();
        for (const item of items) expect(judges.item!(item), JSON.stringify(item)).toBe(true);
      }
    });

    it.each(op.responses.map((r) => [r.status, r] as const))(
      "status %s surfaces as documented",
      async (status, response) => {
        const code = statusCode(status);
        reset({ status: code });
        const request = exampleRequest(api, judges, op);
        if (response.isSuccess) {
          const data = await invoke(client(), op, request);
          const schema = response.content[0]?.schema;
          if (schema)
            expect((await oracles.get(api.model.name)!.schema(schema))(data), JSON.stringify(data)).toBe(true);
          else expect(data).toBeUndefined();
          return;
        }
        const thrown = await invoke(client(), op, request).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(thrown).toBeInstanceOf(generated().ApiError);
        expect((thrown as { status: number }).status).toBe(code);
        reset({ status: code });
        const result = (await invoke(client({ throwOnError: false }), op, request)) as {
          data: unknown;
          error: { status: number };
        };
        expect(result.data).toBeUndefined();
        expect(result.error).toBeInstanceOf(generated().ApiError);
        expect(result.error.status).toBe(code);
      },
    );

    it("accepts every valid request fast-check draws from the request schemas", async () => {
      const c = client();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(api, judges, op), async (parts) => {
          reset();
          await invoke(c, op, parts);
          expect(control.sent).toBe(1);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });

    const media = op.requestBody?.content[0];
    const doc = api.registry.document;
    const locations = [
      { part: "body" as const, mutations: media?.schema ? mutationsFor(doc, media.schema) : [], judge: judges.body },
      { part: "query" as const, mutations: paramMutations(doc, op.queryParams), judge: judges.query },
      { part: "path" as const, mutations: paramMutations(doc, op.pathParams), judge: judges.path },
      {
        // Required vendor headers are client options (set once, sent with every call).
        part: "clientHeaders" as const,
        mutations: paramMutations(doc, api.model.clientHeaders),
        judge: judges.clientHeaders,
      },
    ].filter((l) => l.mutations.length > 0 && l.judge);
    if (locations.length === 0) process.stdout.write(`skipped: ${key(op)} has nothing a mutation can make invalid\n`);
    it.skipIf(locations.length === 0)("rejects invalid mutations in the client, before anything is sent", async () => {
      const c = client();
      const mutation = fc.constantFrom(
        ...locations.flatMap((l) => l.mutations.map((m) => ({ ...m, part: l.part, judge: l.judge! }))),
      );
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(api, judges, op), mutation, async (parts, m) => {
          let caller = c;
          let request = parts;
          if (m.part === "clientHeaders") {
            const byName = Object.fromEntries(api.model.clientHeaders.map((h) => [h.name, sampleParameter(api, h)]));
            const headers = m.apply(byName) as Record<string, unknown>;
            fc.pre(!m.judge(headers));
            const options = api.model.clientHeaders
              .filter((h) => h.name in headers)
              .map((h) => [h.identifier, headers[h.name]]);
            caller = client({ headers: Object.fromEntries(options) });
          } else {
            request = { ...parts, [m.part]: m.apply(parts[m.part] ?? {}) };
            fc.pre(!m.judge(request[m.part]));
          }
          reset();
          const error = await invoke(caller, op, request).then(
            () => new Error(`accepted an invalid request (${m.part}: ${m.what})`),
            (e: unknown) => e,
          );
          expect(error, `${m.part}: ${m.what}`).toBeInstanceOf(generated().ValidationError);
          expect((error as { phase: string }).phase).toBe("request");
          expect(control.sent, "nothing reaches the network").toBe(0);
          rejected++;
        }),
        { numRuns: RUNS * 2, seed: SEED },
      );
      expect(rejected).toBeGreaterThan(0);
    });

    it("catches a response that violates the spec in strict mode and reports it in warn mode", async () => {
      // Without a success body schema the mock can only break the document by answering an undocumented
      // status (200 for a 204) or a body where none is documented: the client must catch that too.
      const schema = success(op)?.content[0]?.schema;
      const request = exampleRequest(api, judges, op);
      reset({ invalid: true });
      const strict = await invoke(client(), op, request).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(strict).toBeInstanceOf(generated().ValidationError);
      const { phase, issues } = strict as { phase: string; issues: Array<{ keyword: string }> };
      expect(phase).toBe("response");
      if (!schema) expect(issues.map((i) => i.keyword)).toEqual([expect.stringMatching(/^(status|body)$/)]);
      const reported: Array<{ phase: string }> = [];
      reset({ invalid: true });
      const data = await invoke(
        client({ validation: "warn", onValidationIssue: (e: { phase: string }) => reported.push(e) }),
        op,
        request,
      );
      expect(reported.map((e) => e.phase)).toEqual(["response"]);
      if (schema) expect(judges.success!(data), JSON.stringify(data)).toBe(false);
      else expect(data).toBeDefined();
    });
  });
});

/** Mutations of the parameters of one location, seen as an object (its root cannot be of another type). */
function paramMutations(doc: unknown, params: OperationModel["queryParams"]): Mutation[] {
  if (params.length === 0) return [];
  const schema = {
    type: "object",
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  return mutationsFor(doc, schema).filter((m) => !m.what.startsWith("root"));
}
