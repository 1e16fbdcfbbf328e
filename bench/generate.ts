/**
 * `npm run bench -- generate`: our types + client vs openapi-typescript alone vs `redocly generate-client`
 * (@redocly/cli 2.77) on the corpus' largest documents, each tool a fresh child process under /usr/bin/time
 * (wall time and peak RSS). Median of BENCH_RUNS runs (default 3), tools interleaved so load drifts hit all alike.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { machineLine, writeSection } from "./report.js";
import { CORPUS } from "../test/support/shared.js";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const DOCUMENTS = ["openai-openapi.v3.1.yaml", "stripe-spec3.json"];
const COMMAND = "npm run bench -- generate";

interface Tool {
  name: string;
  argv: (spec: string, out: string) => string[];
  /** The other tools run inside the scratch folder, so they do not pick up this project's redocly.yaml. */
  inScratch?: boolean;
}

const bin = (relative: string) => path.join(ROOT, "node_modules", relative);

const TOOLS: Tool[] = [
  {
    name: "contactgen types + client",
    // The sources under tsx (generator/launch.mjs registers it after loading Redocly): types + client alone need a
    // script of their own; `npm run generate` runs the precompiled CLI (ADR 0113), which bench/scale.ts times.
    argv: (spec, out) => [process.execPath, "--import", "./generator/launch.mjs", "bench/generate/ours.ts", spec, out],
  },
  {
    name: "openapi-typescript 7.13 (types only)",
    argv: (spec, out) => [process.execPath, bin("openapi-typescript/bin/cli.js"), spec, "-o", `${out}/types.ts`],
    inScratch: true,
  },
  {
    name: "redocly generate-client (cli 2.77)",
    argv: (spec, out) => [
      process.execPath,
      bin("@redocly/cli/bin/cli.js"),
      "generate-client",
      spec,
      "-o",
      `${out}/client.ts`,
    ],
    inScratch: true,
  },
];

interface Sample {
  seconds: number;
  /** user + system CPU seconds: steadier than wall time on a shared machine. */
  cpu: number;
  peakMiB: number;
  /** Set when the tool exited non-zero: its first error line. */
  failed?: string;
}

async function measure(tool: Tool, spec: string): Promise<Sample> {
  const out = await mkdtemp(path.join(os.tmpdir(), "bench-generate-"));
  try {
    let stderr: string;
    let failed: string | undefined;
    try {
      ({ stderr } = await exec("/usr/bin/time", ["-f", "BENCH %e %M %U %S", ...tool.argv(spec, out)], {
        cwd: tool.inScratch ? out : ROOT,
        maxBuffer: 256 << 20,
        env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" },
      }));
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      stderr = e.stderr ?? "";
      const text = `${e.stdout ?? ""}\n${stderr}`;
      failed = /Failed to generate[^\n]*\n[^\n]*/.exec(text)?.[0].replace(/\s+/g, " ").trim() ?? "exited non-zero";
    }
    const match = /BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
    if (!match) throw new Error(`${tool.name}: no timing in output:\n${stderr.slice(-2000)}`);
    const cpu = Number(match[3]) + Number(match[4]);
    return { seconds: Number(match[1]), cpu, peakMiB: Number(match[2]) / 1024, ...(failed ? { failed } : {}) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measureAll(): Promise<string> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const rows: string[] = [];
  for (const document of DOCUMENTS) {
    const spec = path.join(CORPUS, document);
    const samples = new Map<string, Sample[]>(TOOLS.map((t) => [t.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const tool of TOOLS) {
        const sample = await measure(tool, spec);
        samples.get(tool.name)?.push(sample);
        const note = sample.failed ? ` (FAILED: ${sample.failed})` : "";
        console.log(
          `${document} ${tool.name}: ${sample.seconds.toFixed(2)} s, ${sample.peakMiB.toFixed(0)} MiB${note}`,
        );
      }
    }
    const ours = samples.get(TOOLS[0]?.name ?? "") ?? [];
    const oursWall = median(ours.map((s) => s.seconds));
    const oursCpu = median(ours.map((s) => s.cpu));
    for (const tool of TOOLS) {
      const list = samples.get(tool.name) ?? [];
      const wall = median(list.map((s) => s.seconds));
      const cpu = median(list.map((s) => s.cpu));
      const peak = Math.max(...list.map((s) => s.peakMiB));
      const failure = list.find((s) => s.failed)?.failed;
      const ratio = (a: number, b: number) =>
        tool === TOOLS[0] ? "1.00×" : failure ? "n/a" : `${(a / b).toFixed(2)}×`;
      const name = failure ? `${tool.name} — failed: ${failure}` : tool.name;
      rows.push(
        `| ${document} | ${name} | ${wall.toFixed(2)} | ${ratio(oursWall, wall)} | ${cpu.toFixed(2)} | ${ratio(oursCpu, cpu)} | ${peak.toFixed(0)} |`,
      );
    }
  }
  return [
    "## Generation: types + client",
    "",
    `Command: \`${COMMAND}\` (BENCH_RUNS=${runs}). Machine: ${machineLine()}.`,
    "Each tool runs as a fresh child process under `/usr/bin/time`; medians of the runs, peak RSS is the maximum.",
    "CPU = user + system seconds, steadier than wall time when the machine is shared. Ratio = ours ÷ that tool",
    "(below 1.00× means we are faster). Ours excludes lint and validators (timed elsewhere) but includes tsx",
    "start-up (the TypeScript sources through generator/launch.mjs; `npm run generate` itself now runs the faster",
    "precompiled CLI, ADR 0113, timed in the scale section), load (structural check + bundle in one",
    "Redocly walk), model, both emitters (types: the native emitter, docs/decisions/0005-native-types.md) and the",
    "atomic write.",
    "",
    "| document | tool | wall s | ours ÷ tool (wall) | CPU s | ours ÷ tool (CPU) | peak RSS MiB |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

export async function run(): Promise<void> {
  const section = await measureAll();
  console.log(section);
  await writeSection("generate", section);
}
