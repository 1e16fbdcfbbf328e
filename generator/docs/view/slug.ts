/**
 * Anchors and file names built from spec text (operation ids, schema names). Only `[A-Za-z0-9_-]` survives, so a
 * slug is safe in an `id`, a URL fragment and a file name; clashes after cleaning get a numeric suffix.
 */
import { claimName } from "../../openapi/names.js";

export class Slugger {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** Keeps a slug for the builder's own use (a fixed file name), so no spec name can take it. */
  reserve(slug: string): void {
    this.taken.add(slug.toLowerCase());
  }

  slug(key: string, prefix = ""): string {
    const existing = this.byKey.get(prefix + "\u0000" + key);
    if (existing !== undefined) return existing;
    const base = prefix + (clean(key) || "item");
    // Case-insensitive uniqueness: file systems on macOS/Windows fold case.
    const candidate = claimName(this.taken, base, { separator: "-", key: (s) => s.toLowerCase() });
    this.byKey.set(prefix + "\u0000" + key, candidate);
    return candidate;
  }
}

export function clean(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
