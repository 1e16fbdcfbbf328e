/**
 * What each page costs a reader: its HTML plus every script, stylesheet and icon it loads, gzipped (level 9, as
 * a static host would serve them). `npm run docs` prints it; the budgets are the issue's: JavaScript at most
 * 60 KB and everything at most 250 KB per page (KB = 1000 bytes).
 */
import { gzipSync } from "node:zlib";
import type { SiteFile } from "./site.js";

export const JS_BUDGET = 60_000;
export const TOTAL_BUDGET = 250_000;

export interface PageWeight {
  page: string;
  js: number;
  total: number;
  over: boolean;
}

/** `basePath`: the `--base-path` the site was built with, which the 404 page's absolute links start with. */
export function pageWeights(files: SiteFile[], basePath = "/"): PageWeight[] {
  const gz = new Map<string, number>();
  const size = (file: SiteFile) => {
    let known = gz.get(file.path);
    if (known === undefined) gz.set(file.path, (known = gzipSync(file.contents, { level: 9 }).length));
    return known;
  };
  const byPath = new Map(files.map((f) => [f.path, f]));
  return files
    .filter((f) => f.path.endsWith(".html"))
    .map((page) => {
      const scripts = [...page.contents.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string);
      const links = [...page.contents.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)].map(
        (m) => m[1] as string,
      );
      const asset = (href: string) => {
        const file = byPath.get(href.startsWith(basePath) ? href.slice(basePath.length) : href);
        if (!file) throw new Error(`docs: ${page.path} loads ${href}, which the site does not contain`);
        return size(file);
      };
      const js = scripts.reduce((n, s) => n + asset(s), 0);
      const total = size(page) + js + links.reduce((n, l) => n + asset(l), 0);
      return { page: page.path, js, total, over: js > JS_BUDGET || total > TOTAL_BUDGET };
    });
}

export function weightReport(weights: PageWeight[]): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const width = Math.max(...weights.map((w) => w.page.length), 4);
  const lines = weights.map(
    (w) =>
      `  ${w.page.padEnd(width)}  JS ${kb(w.js).padStart(8)}  total ${kb(w.total).padStart(8)}${w.over ? "  OVER BUDGET" : ""}`,
  );
  return [
    `docs: page weight, gzipped (budget: JS ${kb(JS_BUDGET)}, total ${kb(TOTAL_BUDGET)} per page)`,
    ...lines,
  ].join("\n");
}
