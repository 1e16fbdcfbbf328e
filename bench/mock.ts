/**
 * Mock server numbers: start-up per corpus document (after loading, which is the loader's cost), the first
 * request to a lazily compiled operation, and warm throughput/latency on 127.0.0.1. Writes the `mock` section.
 */
import http from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadDocument } from "../generator/load/load.js";
import { startMock } from "../generator/mock/server.js";
import { machineLine, writeSection } from "./report.js";
import { CORPUS } from "../test/support/shared.js";

async function startups(): Promise<string[]> {
  const rows: string[] = [];
  const files = readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  for (const file of files) {
    const loaded = await loadDocument(path.join(CORPUS, file));
    const t0 = performance.now();
    const mock = await startMock({ loaded });
    const started = performance.now() - t0;
    rows.push(
      `| ${file} | ${mock.operations} | ${mock.operations <= 100 ? "eager" : "lazy"} | ${started.toFixed(0)} |`,
    );
    await mock.close();
  }
  return rows;
}

async function firstRequest(): Promise<string> {
  const loaded = await loadDocument(path.join(CORPUS, "stripe-spec3.json"));
  const mock = await startMock({ loaded });
  const t0 = performance.now();
  const res = await fetch(`${mock.url}/v1/customers/cus_1`, { headers: { authorization: "Bearer t" } });
  await res.text();
  const first = performance.now() - t0;
  const t1 = performance.now();
  await (await fetch(`${mock.url}/v1/customers/cus_1`, { headers: { authorization: "Bearer t" } })).text();
  const second = performance.now() - t1;
  await mock.close();
  return `Stripe \`GET /v1/customers/{customer}\` (HTTP ${res.status}): first request ${first.toFixed(0)} ms (compiles its validators), second ${second.toFixed(1)} ms.`;
}

async function throughput(total: number, concurrency: number): Promise<string> {
  const loaded = await loadDocument("specs/pylon/openapi.yaml");
  const mock = await startMock({ loaded });
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${mock.url}/contacts/search`);
  const latencies: number[] = [];
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ limit: 5 });
      const t0 = performance.now();
      const headers = {
        authorization: "Bearer t",
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      };
      const req = http.request(url, { method: "POST", agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  await Promise.all(Array.from({ length: 500 }, one)); // warm-up
  latencies.length = 0;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await one();
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  await mock.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): string => (latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(1);
  return `Pylon \`POST /contacts/search\` (validated body, synthesised paginated reply), ${total} requests at concurrency ${concurrency}, client in the same process: ${(total / seconds).toFixed(0)} requests/s, latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms.`;
}

export async function run(): Promise<void> {
  const rows = await startups();
  const first = await firstRequest();
  const warm = await throughput(5000, 50);
  const markdown = [
    "## Mock server",
    "",
    `Machine: ${machineLine()}. Reproduce: \`npm run bench -- mock\`.`,
    "",
    "Start-up after the document is loaded (route table, dialect translation, validator compilation when eager):",
    "",
    "| document | operations | validators | start-up ms |",
    "|---|---:|---|---:|",
    ...rows,
    "",
    first,
    "",
    warm,
  ].join("\n");
  console.log(markdown);
  await writeSection("mock", markdown);
}
