import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";

const FILE = new URL("../BENCHMARKS.md", import.meta.url);

/** Machine facts printed with every result, so numbers are read against the hardware they came from. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Replaces the section between `<!-- name -->` and `<!-- /name -->` in BENCHMARKS.md (appending it when absent), so
 * each benchmark owns its table and re-running one leaves the others as they were.
 */
export async function writeSection(name: string, markdown: string): Promise<void> {
  const current = await readFile(FILE, "utf8").catch(
    () => "# Benchmarks\n\nRun all: `npm run bench`; one: `npm run bench -- <name>`.\n",
  );
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + close.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(FILE, next.endsWith("\n") ? next : `${next}\n`);
}
