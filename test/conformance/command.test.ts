/**
 * `npm run conformance` against a server of our own (fixture/server.ts, for fixture/contacts.yaml): each planted
 * defect alone makes the command exit 1 with the expected check, and the printed curl lines, run with the real
 * curl, reproduce it; the correct server passes with exit 0. In-process (runConformance), real HTTP on 127.0.0.1.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runConformance } from "../../generator/conformance/run.js";
import type { CheckName, Exchange, Result } from "../../generator/conformance/types.js";
import { DEFECTS, startFixture, TOKEN, type Defect } from "./fixture/server.js";

const SPEC = "test/conformance/fixture/contacts.yaml";
const run = promisify(execFile);

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Runs the printed curl lines in order through a shell, as a user would paste them; the last reply is returned. */
async function replay(lines: string[]): Promise<Reply> {
  let out = "";
  for (const line of lines) out = (await run("sh", ["-c", line], { encoding: "utf8" })).stdout;
  const [head = "", body = ""] = out.split(/\r\n\r\n/, 2);
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

async function conformance(url: string, extra: string[] = []) {
  let text = "";
  let errors = "";
  let result: Result | undefined;
  const exchanges: Exchange[] = [];
  const code = await runConformance(
    ["--spec", SPEC, "--server", url, "--auth", `bearer=${TOKEN}`, "--max-requests", "100", ...extra],
    {
      stdout: (t) => (text += t),
      stderr: (t) => (errors += t),
      onResult: (r) => (result = r),
      observe: (e) => exchanges.push(e),
    },
  );
  return { code, text, errors, result, exchanges };
}

/** What each defect must be reported as, and how its reproduction shows it. */
const EXPECTED: Record<Defect, { check: CheckName; shows: (reply: Reply) => boolean }> = {
  "crash-on-max-age": { check: "not_a_server_error", shows: (r) => r.status === 500 },
  "crash-on-astral-name": { check: "not_a_server_error", shows: (r) => r.status === 500 },
  "crash-past-last-page": { check: "not_a_server_error", shows: (r) => r.status === 500 },
  "created-unreadable": { check: "ensure_resource_availability", shows: (r) => r.status === 404 },
  "deleted-still-readable": { check: "use_after_free", shows: (r) => r.status === 200 },
  "undocumented-create-status": { check: "status_code_conformance", shows: (r) => r.status === 200 },
  "list-as-text": { check: "content_type_conformance", shows: (r) => r.headers["content-type"] === "text/plain" },
  "list-age-as-string": {
    check: "response_schema_conformance",
    shows: (r) => typeof (JSON.parse(r.body) as { items: { age: unknown }[] }).items[0]?.age === "string",
  },
  "missing-request-id": {
    check: "response_headers_conformance",
    shows: (r) => r.status === 201 && r.headers["x-request-id"] === undefined,
  },
  "accepts-age-out-of-bounds": { check: "negative_data_rejection", shows: (r) => r.status === 201 },
  "accepts-unknown-property": { check: "negative_data_rejection", shows: (r) => r.status === 201 },
  "accepts-malformed-id": { check: "negative_data_rejection", shows: (r) => r.status === 200 },
  "ignores-missing-token": { check: "ignored_auth", shows: (r) => r.status === 200 },
  "accepts-any-token": { check: "ignored_auth", shows: (r) => r.status === 200 },
  "rejects-form-bodies": { check: "positive_data_acceptance", shows: (r) => r.status === 415 },
};

describe.concurrent("conformance command against the fixture server", () => {
  it("passes the correct server with exit 0, every check kind run", async () => {
    const server = await startFixture();
    try {
      const { code, text, result } = await conformance(server.url);
      expect(text).toMatch(/^conformance: 4\/4 operations, 15\/15 documented statuses seen, 0 failures/m);
      expect(code).toBe(0);
      const ran = new Set(result!.operations.flatMap((o) => o.ran));
      expect([...ran].sort()).toEqual(
        [
          "content_type_conformance",
          "ensure_resource_availability",
          "ignored_auth",
          "negative_data_rejection",
          "not_a_server_error",
          "pagination",
          "positive_data_acceptance",
          "response_headers_conformance",
          "response_schema_conformance",
          "status_code_conformance",
          "use_after_free",
        ].sort(),
      );
    } finally {
      await server.close();
    }
  });

  it.each(DEFECTS.map((d) => [d]))("detects %s alone, with a curl line that reproduces it", async (defect) => {
    const server = await startFixture(new Set([defect]));
    try {
      const { code, text, result } = await conformance(server.url);
      expect(code).toBe(1);
      const failure = result!.failures.find((f) => f.check === EXPECTED[defect].check);
      expect(failure, text).toBeDefined();
      expect(text).toContain(`${failure!.operation}  ${failure!.check}  (seed 1)`);
      for (const line of failure!.curl) expect(text).toContain(line);
      expect(text).toMatch(/^conformance: \d\/4 operations, \d+\/15 documented statuses seen, [1-9]\d* failures/m);
      const reply = await replay(failure!.curl);
      expect(EXPECTED[defect].shows(reply), `${failure!.curl.join("\n")}\n→ ${reply.status} ${reply.body}`).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("shrinks a boundary crash to the one member that causes it", async () => {
    const server = await startFixture(new Set(["crash-on-max-age"]));
    try {
      const { result } = await conformance(server.url);
      const failure = result!.failures.find((f) => f.check === "not_a_server_error")!;
      expect(failure.input?.body).toEqual({ name: expect.any(String), age: 150 });
    } finally {
      await server.close();
    }
  });

  it("is deterministic for a seed and contacts nothing but --server", async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const server = await startFixture(new Set(["crash-on-astral-name"]));
      try {
        const outcome = await conformance(server.url, ["--seed", "42"]);
        expect(outcome.exchanges.every((e) => e.request.url.startsWith(`${server.url}/`))).toBe(true);
        runs.push(
          outcome.exchanges.map(
            (e) => `${e.request.method} ${e.request.url.replace(server.url, "")} ${e.request.body ?? ""}`,
          ),
        );
      } finally {
        await server.close();
      }
    }
    expect(runs[0]!.length).toBeGreaterThan(50);
    expect(runs[1]).toEqual(runs[0]);
  });

  it("writes JUnit and JSON reports, and --dry-run sends nothing", async () => {
    const server = await startFixture(new Set(["missing-request-id"]));
    const dir = await mkdtemp(path.join(tmpdir(), "conformance-"));
    try {
      const junit = path.join(dir, "report.xml");
      const { code, text } = await conformance(server.url, ["--json", "--junit", junit]);
      expect(code).toBe(1);
      const json = JSON.parse(text) as { summary: string; failures: { check: string }[] };
      expect(json.failures.map((f) => f.check)).toContain("response_headers_conformance");
      const xml = await readFile(junit, "utf8");
      expect(xml).toMatch(/<testcase classname="[^"]*createContact" name="response_headers_conformance">\s*<failure /);
      const dry = await conformance(server.url, ["--dry-run"]);
      expect(dry.code).toBe(0);
      expect(dry.exchanges).toEqual([]);
      expect(dry.text).toContain(
        "lifecycle via {id} (OpenAPI link): createContact → getContact → deleteContact → getContact",
      );
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("without --server starts the mock, which stands up to every check of the fixture document", async () => {
    let text = "";
    let result: Result | undefined;
    const code = await runConformance(["--spec", SPEC, "--max-requests", "150"], {
      stdout: (t) => (text += t),
      stderr: (t) => (text += t),
      onResult: (r) => (result = r),
    });
    expect(text).toMatch(/^conformance: 4\/4 operations, \d+\/15 documented statuses seen, 0 failures/m);
    expect(code).toBe(0);
    const ran = result!.operations.flatMap((o) => o.ran);
    // The mock remembers deletions (404 afterwards) and refuses wrong credentials: both checks really ran.
    expect(ran).toEqual(expect.arrayContaining(["use_after_free", "ignored_auth", "ensure_resource_availability"]));
  });

  it.each([
    ["an unknown option", ["--spec", SPEC, "--bogus"], /unknown option --bogus/],
    ["no API and no --spec", [], /name one API/],
    ["an unreadable document", ["--spec", "test/conformance/fixture/none.yaml"], /none\.yaml: cannot read the file/],
    ["an unknown operation", ["--spec", SPEC, "--operations", "nope", "--dry-run"], /unknown operation nope/],
    ["an unknown scheme", ["--spec", SPEC, "--auth", "nope=x", "--dry-run"], /names no security scheme/],
    [
      "an unreachable server",
      ["--spec", SPEC, "--server", "http://127.0.0.1:9"],
      /cannot reach http:\/\/127\.0\.0\.1:9/,
    ],
  ])("exits 2 for %s", async (_what, argv, message) => {
    let errors = "";
    const code = await runConformance(argv, { stdout: () => {}, stderr: (t) => (errors += t) });
    expect(errors).toMatch(message);
    expect(code).toBe(2);
  });
});
