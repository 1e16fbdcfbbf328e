/**
 * The whole site as data: models in, files out (`index.html`, `<api>.html`, `examples/<api>/<op>.ts`, assets).
 * Pure and deterministic: APIs sorted by name, no timestamps, LF only.
 */
import type { ApiModel } from "../model/types.js";
import { searchIndexScript } from "./search-index.js";
import type { Templates } from "./templates.js";
import { apiView, type ApiView } from "./view/api-view.js";
import { clean } from "./view/slug.js";

export interface SiteFile {
  path: string;
  contents: string;
}

export interface SiteOptions {
  title?: string;
}

/** Scripts every page loads, in order; API pages add their own (see bundle.ts). */
export const SITE_SCRIPTS = ["assets/search-index.js", "assets/site.js"];

export function tryItScriptPath(api: string): string {
  return `assets/tryit-${clean(api) || "api"}.js`;
}

/** Origins a page may send requests to (try-it): its own, loopback mocks, and the API's documented servers. */
export function connectSources(urls: string[]): string {
  const origins = new Set(["'self'", "http://127.0.0.1:*", "http://localhost:*"]);
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      if (/^https?:$/.test(parsed.protocol) && /^[a-z0-9.-]+(:\d+)?$/i.test(parsed.host))
        origins.add(`${parsed.protocol}//${parsed.host}`);
    } catch {
      // Relative or templated server URLs name no origin.
    }
  }
  return [...origins].join(" ");
}

export const DEFAULT_TITLE = "Contact APIs reference";

export function renderSite(models: ApiModel[], templates: Templates, options: SiteOptions = {}): SiteFile[] {
  const siteTitle = options.title ?? DEFAULT_TITLE;
  const sorted = [...models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const built = sorted.map((m) => apiView(m));
  const files: SiteFile[] = [];
  const apis: ApiView[] = built.map((b) => b.view);
  const page = { siteTitle, scripts: SITE_SCRIPTS, connectSrc: connectSources([]) };
  files.push({ path: "index.html", contents: templates.index({ ...page, pageTitle: siteTitle, apis }) });
  for (const { view, examples } of built) {
    const pageTitle = `${view.title} · ${siteTitle}`;
    const connectSrc = connectSources(view.servers.map((s) => s.url));
    const scripts = [...SITE_SCRIPTS, "assets/mock-config.js", tryItScriptPath(view.name)];
    files.push({ path: view.href, contents: templates.api({ ...page, pageTitle, connectSrc, scripts, api: view }) });
    files.push(...examples.map((e) => ({ path: e.path, contents: e.code })));
  }
  files.push({ path: "assets/search-index.js", contents: searchIndexScript(apis) });
  for (const [path, contents] of templates.assets) files.push({ path, contents });
  const seen = new Set<string>();
  for (const file of files) {
    const key = file.path.toLowerCase();
    if (seen.has(key))
      throw new Error(`docs: two pages would be written to ${file.path}; rename one API in generator.config.json`);
    seen.add(key);
  }
  return files
    .map((f) => ({ path: f.path, contents: f.contents.replace(/\r\n?/g, "\n") }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
