/**
 * Incremental generation: wall-clock time of `npm run generate` (the CLI as a child process, as users run it) on a
 * scratch copy of the five specs, for a full run, a no-op run and a run after one spec changed, plus the bare
 * runtime start-up that bounds any run from below. Writes the `incremental` section of BENCHMARKS.md.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { generateIncrementally } from "../generator/incremental/run.js";
import { generateApi } from "../generator/pipeline.js";
import { writeOutputs } from "../generator/write/write.js";
import { machineLine, writeSection } from "./report.js";

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
/** redocly.yaml's per-API rules are keyed by the repository's spec paths, so the scratch copy generates unlinted. */
const GENERATE = [path.join(ROOT, "generator/cli.ts"), "--no-lint"];

async function timed(args: string[], cwd: string): Promise<{ ms: number; stdout: string }> {
  const t0 = performance.now();
  const { stdout } = await exec(TSX, args, { cwd });
  return { ms: performance.now() - t0, stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The CLI's own decision, in this process: run from the scratch folder so paths and cache keys match the CLI's. */
async function inProcessNoop(root: string): Promise<number> {
  const config = JSON.parse(await readFile(path.join(root, "generator.config.json"), "utf8")) as {
    out: string;
    apis: Array<{ name: string; spec: string }>;
  };
  const targets = config.apis.map((a) => ({ ...a, out: path.join(config.out, a.name) }));
  const samples: number[] = [];
  const previous = process.cwd();
  process.chdir(root);
  try {
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const { written } = await generateIncrementally({
        targets,
        flags: ["no-lint"],
        generate: () => Promise.reject(new Error("a no-op run must not generate")),
        write: () => Promise.reject(new Error("a no-op run must not write")),
      });
      if (written.length > 0) throw new Error("no-op wrote output");
      samples.push(performance.now() - t0);
    }
  } finally {
    process.chdir(previous);
  }
  return median(samples);
}

async function warmRegeneration(root: string): Promise<number> {
  const spec = path.join(root, "specs/pylon/openapi.yaml");
  const out = path.join(root, "generated-warm/pylon");
  const samples: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const { files } = await generateApi(spec, "pylon");
    await writeOutputs([{ dir: out, files }]);
    if (i > 0) samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function run(): Promise<void> {
  const scratch = await mkdtemp(path.join(tmpdir(), "contactgen-bench-incremental-"));
  try {
    await cp(path.join(ROOT, "specs"), path.join(scratch, "specs"), { recursive: true });
    for (const file of ["generator.config.json", "redocly.yaml"])
      await cp(path.join(ROOT, file), path.join(scratch, file));
    const cache = path.join(scratch, "node_modules");
    const full: number[] = [];
    const noop: number[] = [];
    const one: number[] = [];
    const startup: number[] = [];
    for (let round = 0; round < 3; round++) {
      await rm(cache, { recursive: true, force: true });
      full.push((await timed(GENERATE, scratch)).ms);
      for (let i = 0; i < 2; i++) {
        const result = await timed(GENERATE, scratch);
        if (/^generated /m.test(result.stdout)) throw new Error(`no-op run regenerated:\n${result.stdout}`);
        noop.push(result.ms);
      }
      const spec = path.join(scratch, "specs/pylon/openapi.yaml");
      const text = await readFile(spec, "utf8");
      await writeFile(spec, text.replace(/^( {2}title: .*)$/m, `$1 (edit ${round})`));
      const changed = await timed(GENERATE, scratch);
      const regenerated = changed.stdout.match(/^generated \S+/gm) ?? [];
      if (regenerated.join() !== "generated generated/pylon")
        throw new Error(`expected only pylon:\n${changed.stdout}`);
      one.push(changed.ms);
      startup.push((await timed(["-e", "0"], scratch)).ms);
    }
    const [f, n, o, s] = [median(full), median(noop), median(one), median(startup)];
    const decide = await inProcessNoop(scratch);
    const warm = await warmRegeneration(scratch);
    const row = (label: string, ms: number) => `| ${label} | ${ms.toFixed(0)} | ${(ms / f).toFixed(2)} |`;
    const markdown = [
      "## Incremental generation",
      "",
      `Machine: ${machineLine()}. Reproduce: \`npm run bench -- incremental\`.`,
      "",
      "`npm run generate -- --no-lint` on a scratch copy of the five specs, CLI as a child process (median of 3",
      "rounds; no-op median of 6). The no-op run hashes the inputs (stat-memoised) and loads none of the pipeline.",
      "",
      "| run | ms | ratio to full |",
      "|---|---:|---:|",
      row("full (empty cache, 5 APIs)", f),
      row("one spec changed (pylon only)", o),
      row("no-op (nothing changed)", n),
      row("runtime start-up alone (`tsx -e 0`)", s),
      row("no-op decision in process (stat + hash + cache read, 5 APIs)", decide),
      row("one API regenerated with the pipeline warm (what `--watch` does per save)", warm),
      "",
      "A no-op run costs the runtime start-up and little else. A changed spec regenerates only its API, but a cold",
      "run pays for loading the pipeline (Redocly, Ajv), which dominates; `--watch` keeps it",
      "loaded, so a save costs only the per-API work.",
    ].join("\n");
    await writeSection("incremental", markdown);
    console.log(markdown);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
