/**
 * `npm run bench -- client`: per-call overhead of a generated client, in one process, on the same operation (Pylon
 * `getContact`) with the same stubbed `fetch` (globalThis.fetch replaced by a function answering a fixed JSON
 * contact): ours (validation off and strict; default fetch transport and the selectable openapi-fetch transport),
 * the client `redocly generate-client` (@redocly/cli 2.77) emits for the same spec, and openapi-fetch 0.17 alone.
 * Every client is run as tsc would emit it (ts.transpileModule), not through tsx. Median of ROUNDS interleaved runs, in calls per CPU-second.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { machineLine, writeSection } from "./report.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".tmp/bench-client");
const DURATION_MS = 250;
const ROUNDS = 9;
const COMMAND = "npm run bench -- client";

const CONTACT = { id: "c_1", name: "Ada Lovelace", email: "ada@example.com", avatar_url: "https://x.io/a.png" };
const BODY = JSON.stringify({ data: CONTACT, request_id: "req_1" });
const stubFetch = (): Promise<Response> =>
  Promise.resolve(
    new Response(BODY, {
      status: 200,
      headers: { "content-type": "application/json", "content-length": String(BODY.length) },
    }),
  );

/** Every .ts under `dir` transpiled to .js beside it in `out` (import specifiers already end in .js). */
function compileFolder(dir: string, out: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const target = path.join(out, path.relative(dir, file)).replace(/\.ts$/, ".js");
    mkdirSync(path.dirname(target), { recursive: true });
    const js = ts.transpileModule(readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(target, js);
  }
}

function redocly(): string {
  const dir = path.join(OUT, "redocly-src");
  mkdirSync(dir, { recursive: true });
  // Run from the temp folder so the project's redocly.yaml (with a TypeScript lint plugin) is not picked up.
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"),
      "generate-client",
      path.join(ROOT, "specs/pylon/openapi.yaml"),
      "-o",
      "client.ts",
    ],
    { cwd: dir, stdio: "ignore" },
  );
  compileFolder(dir, path.join(OUT, "redocly"));
  return path.join(OUT, "redocly/client.js");
}

/**
 * Calls per CPU-second of this process (user + system, all threads), not per wall-clock second: on a shared
 * machine a wall-clock run measures mostly when the scheduler let it run (the load average is printed beside).
 */
async function opsPerCpuSecond(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let count = 0;
  while (performance.now() - start < DURATION_MS) {
    for (let i = 0; i < 100; i++) await fn();
    count += 100;
  }
  const used = process.cpuUsage(cpu);
  return (count * 1e6) / (used.user + used.system);
}

/** Median of ROUNDS interleaved runs per contender (every contender runs once per round, in turn). */
async function medianOf(contenders: Array<() => Promise<unknown>>): Promise<number[]> {
  const runs: number[][] = contenders.map(() => []);
  for (const fn of contenders) await opsPerCpuSecond(fn); // warm-up: every contender optimised before timing
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, fn] of contenders.entries()) runs[i]!.push(await opsPerCpuSecond(fn));
  }
  return runs.map((r) => r.sort((a, b) => a - b)[r.length >> 1]!);
}

type AnyFn = (...args: unknown[]) => Promise<unknown>;

export async function run(): Promise<void> {
  globalThis.fetch = stubFetch as typeof fetch;
  compileFolder(path.join(ROOT, "generated/pylon"), path.join(OUT, "ours"));
  const ours = (await import(pathToFileURL(path.join(OUT, "ours/index.js")).href)) as {
    createPylonClient: (options: Record<string, unknown>) => { contacts: { get: AnyFn } };
    openapiFetchTransport: () => unknown;
  };
  const redoclyModule = (await import(pathToFileURL(redocly()).href)) as {
    createClient: (ops: unknown, config: Record<string, unknown>) => { getContact: AnyFn };
    OPERATIONS: unknown;
  };
  const { default: createOpenapiFetch } = (await import("openapi-fetch")) as unknown as {
    default: (options: Record<string, unknown>) => { GET: AnyFn };
  };

  const base = { baseUrl: "https://api.usepylon.com", auth: { bearerAuth: "t0ken" }, retry: false };
  const off = ours.createPylonClient({ ...base });
  const strict = ours.createPylonClient({ ...base, validation: "strict" });
  const viaOpenapiFetch = ours.createPylonClient({ ...base, transport: ours.openapiFetchTransport() });
  const redoclyClient = redoclyModule.createClient(redoclyModule.OPERATIONS, {
    serverUrl: "https://api.usepylon.com",
    auth: { bearer: "t0ken" },
    retry: { retries: 0 },
  });
  const plain = createOpenapiFetch({ baseUrl: "https://api.usepylon.com" });

  const contenders: Array<[string, () => Promise<unknown>]> = [
    ["contactgen, validation off", () => off.contacts.get("c_1", { query: { limit: 10 } })],
    ["contactgen, strict validation", () => strict.contacts.get("c_1", { query: { limit: 10 } })],
    [
      "contactgen over openapi-fetch transport, off",
      () => viaOpenapiFetch.contacts.get("c_1", { query: { limit: 10 } }),
    ],
    ["redocly generate-client", () => redoclyClient.getContact({ path: { id: "c_1" }, query: { limit: 10 } })],
    [
      "openapi-fetch alone",
      () =>
        plain.GET("/contacts/{id}", {
          params: { path: { id: "c_1" }, query: { limit: 10 } },
          headers: { Authorization: "Bearer t0ken" },
        }),
    ],
  ];
  // Each must really work against the stub before it is timed.
  for (const [name, fn] of contenders) {
    const result = (await fn()) as { data?: unknown } | undefined;
    if (result === undefined) throw new Error(`${name}: no result`);
  }
  const loadBefore = loadavg()[0]!;
  const results = await medianOf(contenders.map(([, fn]) => fn));
  const loadAfter = loadavg()[0]!;
  const redoclyOps = results[3]!;
  const rows = contenders.map(
    ([name], i) =>
      `| ${name} | ${Math.round(results[i]!).toLocaleString("en-US")} | **${(results[i]! / redoclyOps).toFixed(2)}×** |`,
  );
  const markdown = [
    "## Client per-call overhead (calls per CPU-second, higher is better)",
    "",
    `Machine: ${machineLine()}. Reproduce: \`${COMMAND}\`. Pylon \`getContact\` (path + query parameter, bearer auth,`,
    "JSON response of one contact) against a stubbed `globalThis.fetch` that answers a fixed Response, so only the",
    `client's own work is timed. Median of ${ROUNDS} interleaved ${DURATION_MS} ms runs in calls per CPU-second of the process (not wall clock: the machine is shared), one process, each client as tsc emits it.`,
    "",
    `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} cores.`,
    "",
    "| client | calls per CPU-second | vs Redocly |",
    "|---|---:|---:|",
    ...rows,
    "",
    "Goals (issue 12): validation off ≥ 1.0× Redocly; strict ≥ 0.7× Redocly.",
  ].join("\n");
  console.log(markdown);
  await writeSection("client", markdown);
}
