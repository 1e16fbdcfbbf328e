/**
 * Ranking for the site search: every query word must occur in an entry's terms or title; entries whose title or
 * operationId equals the query come first, then word-prefix matches, operations before schemas before properties.
 * Pure, so the unit tests run it in Node.
 */
import type { SearchEntry } from "../search-index.js";

const KIND_WEIGHT = { operation: 3, schema: 2, property: 1 };

export function rank(entries: readonly SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: Array<{ entry: SearchEntry; score: number; index: number }> = [];
  entries.forEach((entry, index) => {
    const [kind, title, , , terms] = entry;
    const lowerTitle = title.toLowerCase();
    const haystack = `${lowerTitle} ${terms}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const tokens = haystack.split(/[\s/{}.·_-]+/);
    let score = KIND_WEIGHT[kind];
    if (lowerTitle === q || terms.split(" ")[0] === q) score += 100;
    for (const w of words) if (tokens.some((t) => t.startsWith(w))) score += 10;
    if (lowerTitle.startsWith(q)) score += 20;
    scored.push({ entry, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.entry[1].length - b.entry[1].length || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.entry);
}
