/**
 * `npm run bench -- scale`: what issue 11 asked of the validators at scale, in one run.
 * 1. validators.ts and types.ts sizes for every corpus document (goal: validators ≤ 1.5× types).
 * 2. Whole generation (types + client + validators + runtime) through the `contactgen` bin against `redocly
 *    generate-client --generator typescript --generator zod` on Stripe and Twilio, each a fresh child under
 *    /usr/bin/time (goal: ≤ 1.0× wall).
 * 3. Import of a generated Stripe client with validation off against the same client generated without
 *    validators.ts (goal: ≤ 1.2×): both compiled to JavaScript first, each import a fresh Node process.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { generateApi } from "../generator/pipeline.js";
import { compiledCli } from "../generator/precompile.mjs";
import { CORPUS } from "../test/support/shared.js";
import { machineLine, writeSection } from "./report.js";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const COMMAND = "npm run bench -- scale";
const IMPORT_RUNS = 5;
/** Five, not three: on the shared 2-core machine single runs of either tool move by ±30% in wall time. */
const GENERATION_RUNS = Number(process.env["BENCH_RUNS"] ?? 5);

async function sizes(): Promise<string[]> {
  const rows: string[] = [];
  for (const file of readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const { files } = await generateApi(path.join(CORPUS, file), "bench");
    const size = (name: string) => files.find((f) => f.path === name)?.contents.length ?? 0;
    const [v, t] = [size("validators.ts"), size("types.ts")];
    console.log(`${file}: validators.ts ${v} B, types.ts ${t} B, ratio ${(v / t).toFixed(2)}`);
    rows.push(`| ${file} | ${v.toLocaleString("en")} | ${t.toLocaleString("en")} | ${(v / t).toFixed(2)}× |`);
  }
  return rows;
}

interface Timed {
  wall: number;
  cpu: number;
  peakMiB: number;
  failed?: string;
}

async function timed(argv: string[], cwd: string): Promise<Timed> {
  let stderr = "";
  let failed: string | undefined;
  try {
    ({ stderr } = await exec("/usr/bin/time", ["-f", "BENCH %e %M %U %S", ...argv], {
      cwd,
      maxBuffer: 256 << 20,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" },
    }));
  } catch (error) {
    stderr = (error as { stderr?: string }).stderr ?? "";
    failed = "exited non-zero";
  }
  const m = /BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  if (!m) throw new Error(`no timing:\n${stderr.slice(-2000)}`);
  return {
    wall: Number(m[1]),
    cpu: Number(m[3]) + Number(m[4]),
    peakMiB: Number(m[2]) / 1024,
    ...(failed ? { failed } : {}),
  };
}

/**
 * The precompiled CLI is built (or found current) before timing, so the timed run is the one a user gets on every
 * run after the first; a run that had to rebuild it would time esbuild instead.
 */
async function warmPrecompiled(): Promise<string> {
  const url = await compiledCli();
  if (url === undefined) throw new Error("the precompiled CLI could not be built (CONTACTGEN_DEBUG=1 says why)");
  return url;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

/** Median wall and CPU (each on its own), peak memory the largest, a failure if any run failed. */
function medianRun(runs: Timed[]): Timed {
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  const failed = runs.find((r) => r.failed)?.failed;
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    ...(failed ? { failed } : {}),
  };
}

async function generation(): Promise<string[]> {
  await warmPrecompiled();
  const rows: string[] = [];
  for (const document of ["stripe-spec3.json", "twilio-messaging-v1.json"]) {
    const spec = path.join(CORPUS, document);
    const out = await mkdtemp(path.join(os.tmpdir(), "bench-scale-"));
    try {
      // As a user runs it: the `contactgen` bin (the precompiled CLI when current, see warmPrecompiled()).
      const oursArgv = [process.execPath, "bin/contactgen.mjs", "generate", "--spec", spec, "--out", `${out}/ours`];
      const redoclyArgv = [
        process.execPath,
        path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"),
        "generate-client",
        spec,
        "--generator",
        "typescript",
        "--generator",
        "zod",
        "-o",
        `${out}/client.ts`,
      ];
      // Interleaved, so a busy moment of a shared machine hits both tools alike; medians.
      const oursRuns: Timed[] = [];
      const redoclyRuns: Timed[] = [];
      for (let i = 0; i < GENERATION_RUNS; i++) {
        oursRuns.push(await timed([...oursArgv, "--no-lint"], ROOT));
        redoclyRuns.push(await timed(redoclyArgv, out));
      }
      const [ours, redocly] = [medianRun(oursRuns), medianRun(redoclyRuns)];
      const note = [ours.failed && `ours ${ours.failed}`, redocly.failed && `redocly ${redocly.failed}`]
        .filter(Boolean)
        .map((n) => ` (${n})`)
        .join("");
      console.log(`${document}: ours ${ours.wall} s, redocly ts+zod ${redocly.wall} s${note}`);
      rows.push(
        `| ${document} | ${ours.wall.toFixed(2)} | ${ours.cpu.toFixed(2)} | ${ours.peakMiB.toFixed(0)} | ${redocly.wall.toFixed(2)}${note} | ${redocly.cpu.toFixed(2)} | ${(ours.wall / redocly.wall).toFixed(2)}× | ${(ours.cpu / redocly.cpu).toFixed(2)}× |`,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
  return rows;
}

/** Generates Stripe's client (with or without validators.ts) and compiles every module to JavaScript. */
async function compiledClient(dir: string, withValidators: boolean): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const { files } = await generateApi(path.join(CORPUS, "stripe-spec3.json"), "stripe", {
    validators: withValidators,
  });
  for (const file of files) {
    const out = path.join(dir, file.path.replace(/\.ts$/, ".js"));
    mkdirSync(path.dirname(out), { recursive: true });
    const js = ts.transpileModule(file.contents, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(out, js);
  }
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
}

async function importMs(dir: string): Promise<number> {
  const script =
    "const t = performance.now(); const m = await import(process.argv[1]); " +
    "m.createStripeClient({ baseUrl: 'http://127.0.0.1:9', validation: 'off', auth: {} }); " +
    "console.log(performance.now() - t);";
  const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script, path.join(dir, "index.js")]);
  return Number(stdout.trim());
}

async function importCost(): Promise<string[]> {
  const base = path.join(ROOT, ".tmp/bench-scale");
  const withV = path.join(base, "with-validators");
  const without = path.join(base, "without-validators");
  await compiledClient(withV, true);
  await compiledClient(without, false);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    a.push(await importMs(withV));
    b.push(await importMs(without));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  const [ma, mb] = [median(a), median(b)];
  const size = (dir: string) => readFileSync(path.join(dir, "validators.js"), "utf8").length;
  console.log(`import: validation off ${ma.toFixed(1)} ms, without validators.ts ${mb.toFixed(1)} ms`);
  return [
    `| Stripe client, validation off (validators.js ${size(withV).toLocaleString("en")} B on disk, not loaded) | ${ma.toFixed(1)} | ${(ma / mb).toFixed(2)}× |`,
    `| Stripe client generated without validators.ts | ${mb.toFixed(1)} | 1.00× |`,
  ];
}

export async function run(): Promise<void> {
  const sizeRows = await sizes();
  const loadBefore = loadAverage();
  const genRows = await generation();
  const loadAfter = loadAverage();
  const importRows = await importCost();
  const section = [
    "## Validators at scale (issue 11)",
    "",
    `Command: \`${COMMAND}\` (one run). Machine: ${machineLine()}.`,
    "",
    "Sizes of the generated files per corpus document (goal: validators.ts ≤ 1.5× types.ts):",
    "",
    "| document | validators.ts bytes | types.ts bytes | validators ÷ types |",
    "|---|---:|---:|---:|",
    ...sizeRows,
    "",
    "Whole generation (types + client + validators + runtime) as a user runs it, `contactgen generate --spec FILE",
    "--out DIR --no-lint` (bin/contactgen.mjs: the precompiled CLI, ADR 0113, start-up included), against `redocly",
    "generate-client --generator typescript --generator zod`, each a fresh child under `/usr/bin/time`, medians of",
    `${GENERATION_RUNS} interleaved runs (goal: ≤ 1.0× wall). Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}.`,
    "Both check the document's structure and nothing more: `--no-lint` leaves our loader's structural check (Redocly's",
    "`struct`, `no-unresolved-refs`, `spec-components-invalid-map-name`; for a self-contained JSON document without",
    "findings the quick check of ADR 0118, else inside the bundle walk), and `generate-client` bundles and then lints",
    "with `struct` only. Without `--no-lint`, `generate --spec` also runs the whole spec lint (recommended + ours).",
    "",
    "| document | ours wall s | ours CPU s | ours peak MiB | redocly wall s | redocly CPU s | ours ÷ redocly (wall) | (CPU) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...genRows,
    "",
    `Import of a generated Stripe client (compiled to JavaScript) and \`createStripeClient\`, a fresh Node process`,
    `each, median of ${IMPORT_RUNS} (goal: validation off ≤ 1.2× the client without validators.ts):`,
    "",
    "| client | import + create ms | ÷ without validators |",
    "|---|---:|---:|",
    ...importRows,
  ].join("\n");
  console.log(section);
  await writeSection("scale", section);
}
