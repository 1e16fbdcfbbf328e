/**
 * Every curl sample on the site is run with the real curl binary against the mock of its API (127.0.0.1, port
 * chosen by the system) and must get the operation's documented success status. The sample's documented server
 * is swapped for the mock's URL; nothing else in the command changes.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { curlSample, shellQuote } from "../../generator/docs/examples/curl.js";
import { highlightShell } from "../../generator/docs/view/highlight.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import type { ApiModel } from "../../generator/model/types.js";
import { realSite } from "./build-helpers.js";

const run = promisify(execFile);
let models: ApiModel[];
const mocks = new Map<string, MockServer>();

beforeAll(async () => {
  models = (await realSite()).models;
  for (const model of models) mocks.set(model.name, await startMock({ model }));
});

afterAll(async () => {
  await Promise.all([...mocks.values()].map((m) => m.close()));
});

/** The lowest documented 2XX: what the mock answers and what a caller sees when all goes well. */
function documentedSuccess(model: ApiModel, id: string): number {
  const op = model.operations.find((o) => o.id === id);
  const codes = (op?.responses ?? []).filter((r) => /^2\d\d$/.test(r.status)).map((r) => Number(r.status));
  return Math.min(...codes);
}

describe("curl samples", () => {
  it("every sample, run with curl against the mock, gets the documented success status", async () => {
    const { files } = await realSite();
    let ran = 0;
    for (const model of models) {
      const mock = mocks.get(model.name) as MockServer;
      for (const op of model.operations) {
        const sample = curlSample(model, op);
        // The file the page links to is the sample tested here.
        const file = files.find((f) => f.path.startsWith(`examples/${model.name}/`) && f.contents === sample.code);
        expect(file?.path, `${model.name} ${op.id}`).toMatch(/\.sh$/);
        expect(
          sample.code.startsWith(
            `curl ${op.method === "get" ? "" : `-X ${op.method.toUpperCase()} `}'${sample.baseUrl}`,
          ),
        ).toBe(true);
        const command = `${sample.code.trimEnd().split(sample.baseUrl).join(mock.url)} -sS -o /dev/null -w '%{http_code}'`;
        const { stdout } = await run("sh", ["-c", command], { timeout: 10_000 });
        expect(Number(stdout), `${model.name} ${op.id}: ${command}`).toBe(documentedSuccess(model, op.id));
        ran++;
      }
    }
    expect(ran).toBe(models.reduce((n, m) => n + m.operations.length, 0));
  });

  it("a sample the mock refuses is seen to fail (the check can fail)", async () => {
    const model = models.find((m) => m.operations.some((o) => o.requestBody)) as ApiModel;
    const op = model.operations.find((o) => o.requestBody?.required) ?? model.operations[0];
    const sample = curlSample(model, op!);
    const broken = sample.code.replace(/--data '[\s\S]*'\n$/, "--data '[1]'\n");
    expect(broken).not.toBe(sample.code);
    const mock = mocks.get(model.name) as MockServer;
    const command = `${broken.trimEnd().split(sample.baseUrl).join(mock.url)} -sS -o /dev/null -w '%{http_code}'`;
    const { stdout } = await run("sh", ["-c", command], { timeout: 10_000 });
    expect(Number(stdout)).toBe(400);
  });

  it.each([
    ["plain", "abc", "'abc'"],
    ["single quote", "it's", `'it'\\''s'`],
    ["command substitution stays text", "$(touch x) `id`", "'$(touch x) `id`'"],
  ])("shellQuote: %s", (_name, given, want) => expect(shellQuote(given)).toBe(want));

  it("shell highlighting keeps every character and colours quoted words and flags", () => {
    const code = "curl -X POST 'https://x/a?b=1' \\\n  -H 'A: it'\\''s' \\\n  --data '{}'\n";
    const tokens = highlightShell(code);
    expect(tokens.map((t) => t.text).join("")).toBe(code);
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.text.trim())).toEqual([
      "'https://x/a?b=1'",
      "'A: it'\\''s'",
      "'{}'",
    ]);
  });
});
