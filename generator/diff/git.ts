import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<Buffer> {
  try {
    const { stdout } = await run("git", args, { cwd, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`git ${args.join(" ")} failed: ${stderr || (error as Error).message}`);
  }
}

/** The abbreviated commit a ref names, so a changelog records what it was compared with. */
export async function resolveCommit(ref: string, cwd = process.cwd()): Promise<string> {
  return (await git(cwd, ["rev-parse", "--short=12", `${ref}^{commit}`])).toString().trim();
}

/**
 * Writes the spec's directory as it was at `ref` into a temporary directory (so relative `$ref`s to sibling files
 * still resolve) and returns the spec's path there, or `undefined` when the spec did not exist at that ref.
 */
export async function checkoutSpecAt(ref: string, specFile: string, cwd = process.cwd()): Promise<string | undefined> {
  const top = (await git(cwd, ["rev-parse", "--show-toplevel"])).toString().trim();
  try {
    await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new Error(`--base ${ref}: not a commit in this repository\n  → pass a branch, tag or commit (default HEAD)`);
  }
  const relSpec = path.relative(top, path.resolve(cwd, specFile)).split(path.sep).join("/");
  const relDir = path.posix.dirname(relSpec);
  const listing = (await git(top, ["ls-tree", "-r", "--name-only", ref, "--", `${relDir}/`])).toString();
  const files = listing.split("\n").filter(Boolean);
  if (!files.includes(relSpec)) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), "contactgen-base-"));
  const spec = path.join(dir, ...path.posix.relative(relDir, relSpec).split("/"));
  checkouts.set(spec, dir);
  try {
    for (const file of files) {
      const target = path.join(dir, ...path.posix.relative(relDir, file).split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, await git(top, ["show", `${ref}:${file}`]));
    }
  } catch (error) {
    await removeCheckout(spec);
    throw error;
  }
  return spec;
}

/** Temporary folders made by checkoutSpecAt, by the spec path it returned. */
const checkouts = new Map<string, string>();

/** Removes the temporary folder checkoutSpecAt made for `spec` (a no-op for any other path). */
export async function removeCheckout(spec: string | undefined): Promise<void> {
  const dir = spec === undefined ? undefined : checkouts.get(spec);
  if (dir === undefined) return;
  checkouts.delete(spec as string);
  await rm(dir, { recursive: true, force: true });
}
