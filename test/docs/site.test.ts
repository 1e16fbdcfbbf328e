/** The built site as files: complete, deterministic, offline, and inert whatever the spec says. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MANIFEST } from "../../generator/write/write.js";
import { describe, expect, it, vi } from "vitest";
import { parseCommand } from "../../generator/cli/args.js";
import { docsBuildOptions, docsCommand } from "../../generator/cli/docs.js";
import { buildDocs, buildSiteFiles, loadChangelogs } from "../../generator/docs/build.js";
import { renderSite } from "../../generator/docs/site.js";
import { loadTemplates, TEMPLATE_DIR } from "../../generator/docs/templates.js";
import { JS_BUDGET, pageWeights, TOTAL_BUDGET, weightReport } from "../../generator/docs/weight.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";

function parse(argv: string[]): unknown {
  const parsed = parseCommand(docsCommand.spec, argv);
  return parsed === "help" ? parsed : docsBuildOptions(parsed);
}

/** Tags the templates write; anything else in a page came from a spec unescaped. */
const OUR_TAGS = new Set(
  "html head meta title link script body input label form select option textarea header a span main section h1 h2 h3 h4 p div article aside button dl dt dd code em br table thead tbody tr th td nav ul li pre strong details summary footer".split(
    " ",
  ),
);

function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase());
}

const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  quot: '"',
  amp: "&",
  "#x27": "'",
  "#x3D": "=",
  "#x60": "`",
};

function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|amp|#x27|#x3D|#x60);/g, (_m, name: string) => ENTITIES[name] ?? "");
}

function attributes(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((m) => m[1] as string);
}

describe("docs site files", () => {
  it("has an index, a page per API with every operation, and no page outside the plan", async () => {
    const { models, files } = await realSite();
    const pages = files.filter((f) => f.path.endsWith(".html")).map((f) => f.path);
    expect(pages).toEqual(
      ["index.html", ...models.flatMap((m) => [`${m.name}.html`, `${m.name}-changelog.html`])].sort(),
    );
    const index = files.find((f) => f.path === "index.html")?.contents ?? "";
    for (const model of models) {
      const page = files.find((f) => f.path === `${model.name}.html`)?.contents ?? "";
      expect(page.match(/<article class="operation/g)?.length, model.name).toBe(model.operations.length);
      for (const op of model.operations) expect(page).toContain(`data-operation-id="${op.id}"`);
      expect(index).toContain(`href="${model.name}.html"`);
      for (const server of model.servers) expect(index).toContain(server.url);
      for (const scheme of model.securitySchemes) expect(index).toContain(`<code>${scheme.key}</code>`);
    }
  });

  it("has a changelog page per API from changelogs/, linked from the index and the API page", async () => {
    const { models, files } = await realSite();
    const index = files.find((f) => f.path === "index.html")?.contents ?? "";
    for (const model of models) {
      const source = await readFile(path.join(ROOT, "changelogs", `${model.name}.md`), "utf8");
      const page = files.find((f) => f.path === `${model.name}-changelog.html`)?.contents ?? "";
      for (const [, version] of source.matchAll(/^## (.+)$/gm)) expect(page, model.name).toContain(`<h2>${version}`);
      expect(index).toContain(`href="${model.name}-changelog.html"`);
      expect(files.find((f) => f.path === `${model.name}.html`)?.contents).toContain(
        `href="${model.name}-changelog.html"`,
      );
    }
  });

  it("flags a version with breaking changes on the changelog page", async () => {
    const { models } = await realSite();
    const model = models[0] as (typeof models)[number];
    const changelog = `# ${model.name} changelog\n\n## 2.0.0\n\n### Breaking changes\n\n- \`getX\` — removed\n\n## 1.0.0\n\nFirst version.\n`;
    const files = renderSite([model], await loadTemplates(), { changelogs: { [model.name]: changelog } });
    const page = files.find((f) => f.path === `${model.name}-changelog.html`)?.contents ?? "";
    expect(page).toMatch(
      /<section class="version has-breaking" id="v-2-0-0">\s*<h2>2\.0\.0 <span class="badge warn">breaking<\/span>/,
    );
    expect(page).toMatch(/<section class="version" id="v-1-0-0">\s*<h2>1\.0\.0<\/h2>/);
    expect(renderSite([model], await loadTemplates()).some((f) => f.path.endsWith("-changelog.html"))).toBe(false);
  });

  it("keeps every page within its weight budget: JS ≤ 60 KB and everything ≤ 250 KB gzipped", async () => {
    const { files } = await realSite();
    const weights = pageWeights(files);
    expect(weights.map((w) => w.page)).toEqual(files.filter((f) => f.path.endsWith(".html")).map((f) => f.path));
    for (const w of weights) {
      expect(w.js, w.page).toBeGreaterThan(0);
      expect(w.js, w.page).toBeLessThanOrEqual(JS_BUDGET);
      expect(w.total, w.page).toBeLessThanOrEqual(TOTAL_BUDGET);
    }
    expect(weightReport(weights)).toMatch(/index\.html +JS +\d+\.\d KB +total +\d+\.\d KB\n/);
  });

  it("counts every asset a page loads, so an oversized script is reported over budget", () => {
    // Incompressible bytes: gzip cannot shrink them below the budget.
    let seed = 1;
    const noise = Array.from({ length: 90_000 }, () =>
      String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90)),
    ).join("");
    const files = [
      { path: "a.html", contents: '<link rel="stylesheet" href="assets/s.css"><script src="assets/big.js"></script>' },
      { path: "assets/big.js", contents: noise },
      { path: "assets/s.css", contents: "body{}" },
    ];
    const [weight] = pageWeights(files);
    expect(weight?.js).toBeGreaterThan(JS_BUDGET);
    expect(weight?.over).toBe(true);
    expect(weightReport(pageWeights(files))).toContain("OVER BUDGET");
    expect(() => pageWeights([{ path: "b.html", contents: '<script src="assets/missing.js"></script>' }])).toThrow(
      /missing\.js/,
    );
  });

  it("is deterministic: two builds are identical and carry no timestamp or absolute path", async () => {
    const { models, files } = await realSite();
    const changelogs = await loadChangelogs(path.join(ROOT, "generator.config.json"), models);
    const again = await buildSiteFiles(models, { changelogs });
    expect(again).toEqual(files);
    vi.useFakeTimers({ now: new Date("2031-02-03T04:05:06Z"), toFake: ["Date"] });
    try {
      expect(await buildSiteFiles(models, { changelogs })).toEqual(files);
    } finally {
      vi.useRealTimers();
    }
    for (const file of files) {
      expect(file.contents, file.path).not.toContain(ROOT);
      expect(file.contents, file.path).not.toContain("2031");
      expect(file.contents, file.path).not.toContain("\r");
    }
  });

  it("works offline: every src/href is local, no CDN, no @import or url() to the network", async () => {
    const { files } = await realSite();
    for (const file of files.filter((f) => /\.(html|css)$/.test(f.path))) {
      for (const url of [...attributes(file.contents, "href"), ...attributes(file.contents, "src")])
        expect(url, `${file.path}: ${url}`).toMatch(
          /^(#[A-Za-z0-9_-]+|[a-z0-9._-]+(\/[A-Za-z0-9._-]+)*(#[A-Za-z0-9_-]+)?)$/,
        );
      expect(file.contents, file.path).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//);
      // The only scripts are the site's own bundles, loaded from assets/ (the CSP refuses any other).
      for (const tag of file.contents.match(/<script[^>]*>/gi) ?? [])
        expect(tag, file.path).toMatch(/^<script src="assets\/[a-z0-9-]+\.js"( defer)?>$/);
    }
  });

  it("templates never use raw (triple-stash or &) output", async () => {
    const entries = await readdir(TEMPLATE_DIR, { recursive: true });
    const templates = entries.filter((e) => e.endsWith(".hbs"));
    expect(templates.length).toBeGreaterThan(3);
    for (const file of templates) {
      const text = await readFile(path.join(TEMPLATE_DIR, file), "utf8");
      expect(text, file).not.toMatch(/\{\{\{|\{\{\s*&/);
    }
  });

  it("escapes everything from a hostile spec: only our own tags appear, the spec's markup shows as text", async () => {
    const { files } = await hostileSite();
    for (const file of files.filter((f) => f.path.endsWith(".html"))) {
      const unexpected = tags(file.contents).filter((t) => !OUR_TAGS.has(t));
      expect(unexpected, file.path).toEqual([]);
      expect(file.contents).not.toMatch(/\son[a-z]+=/i);
    }
    const page = files.find((f) => f.path === "hostile.html")?.contents ?? "";
    const text = decode(page.replace(/<[^>]*>/g, ""));
    expect(text).toContain("</script><script>window.__pwned = 'description'</script>");
    expect(text).toContain(`<img src=x onerror="window.__pwned = 'img'">`);
    expect(text).toContain("</code></pre><script>window.__pwned = 'fence'</script>");
    expect(page).not.toContain('href="javascript:');
    // Every link target is one the builder made: a local page, an example file or a slugged anchor.
    for (const url of attributes(page, "href"))
      expect(url).toMatch(/^(#|index\.html|hostile\.html|examples\/|assets\/)/);
  });

  it("writes the site folder with npm run docs' entry point, replacing stale files", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "docs-build-"));
    try {
      await buildDocs({ config: path.join(ROOT, "generator.config.json"), out });
      const { files } = await realSite();
      const written = (await readdir(out, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
        .sort();
      expect(written).toEqual([MANIFEST, ...files.map((f) => f.path)].sort());
      expect(await readFile(path.join(out, "index.html"), "utf8")).toBe(
        files.find((f) => f.path === "index.html")?.contents,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it.each([
    ["defaults", [], { config: "generator.config.json", out: "site" }],
    ["flags", ["--out", "x", "--config", "c.json"], { config: "c.json", out: "x" }],
  ])("parses arguments: %s", (_name, argv, want) => {
    const parsed = parseCommand(docsCommand.spec, argv);
    expect(parsed === "help" ? parsed : docsBuildOptions(parsed)).toEqual(want);
  });

  it("builds for GitHub Pages with --base-path: same pages, plus a 404.html whose links are absolute", async () => {
    const { models, files } = await realSite();
    const changelogs = await loadChangelogs(path.join(ROOT, "generator.config.json"), models);
    const pages = await buildSiteFiles(models, { changelogs, basePath: "/repo/" });
    const notFound = pages.find((f) => f.path === "404.html")?.contents ?? "";
    expect(pages.filter((f) => f.path !== "404.html")).toEqual(files);
    expect(notFound).toContain('href="/repo/assets/style.css"');
    expect(notFound).toContain('<script src="/repo/assets/site.js">');
    for (const model of models) expect(notFound).toContain(`href="/repo/${model.name}.html"`);
    const weight = pageWeights(pages, "/repo/").find((w) => w.page === "404.html");
    expect(weight?.js).toBe(pageWeights(files).find((w) => w.page === "index.html")?.js);
    expect(parse(["--base-path", "/repo/"])).toEqual({
      config: "generator.config.json",
      out: "site",
      basePath: "/repo/",
    });
  });

  it.each(["repo", "/repo", "//evil.example/", "/a/../b/", '/"x"/'])("rejects the base path %s", (given) => {
    expect(() => parse(["--base-path", given])).toThrow(/must be a URL path that starts and ends with "\/"/);
  });

  it("rejects unknown arguments with usage", () => {
    expect(() => parseCommand(docsCommand.spec, ["--nope"])).toThrow(/unknown option --nope/);
  });
});
