/**
 * `contactgen pack` of the five APIs as users run it (`node bin/contactgen.mjs pack`, a child process) into a
 * scratch folder: cold (an empty pack cache: every package compiled) and warm (every package copied from the
 * cache), precompiled (what the bin runs) and through tsx (`CONTACTGEN_NO_PRECOMPILE=1`, what pack ran before ADR
 * 0152), interleaved. CPU is the child's user + system time (Linux /proc; `n/a` elsewhere). Writes the `pack`
 * section of BENCHMARKS.md.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { machineLine, writeSection } from "./report.js";

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = path.join(ROOT, "bin/contactgen.mjs");

/** CPU time of this process's waited-for children (cutime + cstime), in seconds. */
function childCpu(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Sample {
  wall: number;
  cpu: number | undefined;
}

async function pack(
  out: string,
  cache: string,
  env: Record<string, string> = {},
  apis: string[] = [],
): Promise<Sample> {
  const cpu0 = childCpu();
  const t0 = performance.now();
  const { stdout } = await exec(process.execPath, [BIN, "pack", ...apis, "--out", out], {
    cwd: ROOT,
    env: { ...process.env, CONTACTGEN_PACK_CACHE: cache, ...env },
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = childCpu();
  if (!/packed @/.test(stdout)) throw new Error(`pack printed no result:\n${stdout}`);
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const load = () => os.loadavg()[0]!.toFixed(2);

export async function run(): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "contactgen-bench-pack-"));
  const rows: Record<string, Sample[]> = {
    "cold: empty cache, precompiled (what `contactgen pack` runs)": [],
    "cold: empty cache, one API (pylon), precompiled": [],
    "cold: empty cache, through tsx (CONTACTGEN_NO_PRECOMPILE=1)": [],
    "warm: every package cached, precompiled": [],
    "warm: every package cached, through tsx": [],
  };
  const [coldPre, coldOne, coldTsx, warmPre, warmTsx] = Object.values(rows) as [
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
  ];
  const tsx = { CONTACTGEN_NO_PRECOMPILE: "1" };
  const loadBefore = load();
  try {
    // First a run that brings generated/ and the precompiled CLI up to date, so no sample pays for them.
    await pack(path.join(scratch, "out"), path.join(scratch, "warm-cache"));
    for (let i = 0; i < 3; i++) {
      coldPre.push(await pack(path.join(scratch, "out"), path.join(scratch, `cold-${i}-pre`)));
      warmPre.push(await pack(path.join(scratch, "out"), path.join(scratch, "warm-cache")));
      coldOne.push(await pack(path.join(scratch, "out"), path.join(scratch, `cold-${i}-one`), {}, ["pylon"]));
      coldTsx.push(await pack(path.join(scratch, "out"), path.join(scratch, `cold-${i}-tsx`), tsx));
      warmTsx.push(await pack(path.join(scratch, "out"), path.join(scratch, "warm-cache"), tsx));
      warmPre.push(await pack(path.join(scratch, "out"), path.join(scratch, "warm-cache")));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const coldWall = median(coldPre.map((s) => s.wall));
  const cpuOf = (samples: Sample[]) =>
    samples.every((s) => s.cpu !== undefined) ? median(samples.map((s) => s.cpu!)) : undefined;
  const coldCpu = cpuOf(coldPre);
  const table = Object.entries(rows).map(([label, samples]) => {
    const wall = median(samples.map((s) => s.wall));
    const cpu = cpuOf(samples);
    const cpuText = cpu === undefined ? "n/a" : `${cpu.toFixed(2)} (${coldCpu ? (cpu / coldCpu).toFixed(2) : "?"}×)`;
    return `| ${label} | ${samples.length} | ${wall.toFixed(2)} (${(wall / coldWall).toFixed(2)}×) | ${cpuText} |`;
  });
  const markdown = [
    "## pack",
    "",
    "`npm run bench -- pack`: `node bin/contactgen.mjs pack --out <scratch>` of the five APIs of generator.config.json",
    "(a child process, as users run it), medians, interleaved; ratios against the cold precompiled row. Cold = an empty",
    "pack cache (`CONTACTGEN_PACK_CACHE` pointing at a new folder): every package compiled. Warm = every package copied",
    "from the cache (ADR 0152). The compile is TypeScript 7's `tsc -b`, one process for every package not cached (ADR 0153).",
    "",
    `${machineLine()}; load average ${loadBefore} before, ${load()} after.`,
    "",
    "| run | samples | wall s | CPU-s (user + sys) |",
    "|---|---|---|---|",
    ...table,
  ].join("\n");
  console.log(markdown);
  await writeSection("pack", markdown);
}
