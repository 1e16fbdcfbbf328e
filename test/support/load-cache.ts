/**
 * Stripe and OpenAI take seconds each to load (parse, structural check, bundle), and several test files need
 * them. The first file to load a document stores the result under .tmp/test-cache; the others read it back.
 * The key covers the document's bytes and every source file of the loader and the lockfile, so a change to
 * either loads afresh: the cache can make a run faster, never staler.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadDocument, type LoadedDocument } from "../../generator/load/load.js";
import { ROOT } from "./tsx.js";

const DIR = path.join(ROOT, ".tmp", "test-cache");

function loaderSources(): string[] {
  const dir = path.join(ROOT, "generator", "load");
  return [
    ...readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f)),
    path.join(ROOT, "package-lock.json"),
  ];
}

/** loadDocument, through the cache. */
export async function loadCached(file: string): Promise<LoadedDocument> {
  const hash = createHash("sha256");
  for (const source of [file, ...loaderSources()]) hash.update(readFileSync(source)).update("\0");
  hash.update(file);
  const cached = path.join(DIR, `${hash.digest("hex").slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(cached, "utf8")) as LoadedDocument;
  } catch {
    const loaded = await loadDocument(file);
    mkdirSync(DIR, { recursive: true });
    // Two workers may store the same document at once: each writes its own file and renames it into place.
    const temp = `${cached}.${process.pid}`;
    writeFileSync(temp, JSON.stringify(loaded));
    renameSync(temp, cached);
    return loaded;
  }
}
