/** The built site as files: complete, deterministic, offline, and inert whatever the spec says. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MANIFEST } from "../../generator/write/write.js";
import { describe, expect, it, vi } from "vitest";
import { parseCommand } from "../../generator/cli/args.js";
import { docsBuildOptions, docsCommand } from "../../generator/cli/docs.js";
import { buildDocs, buildSiteFiles } from "../../generator/docs/build.js";
import { TEMPLATE_DIR } from "../../generator/docs/templates.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";

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
    expect(pages).toEqual(["index.html", ...models.map((m) => `${m.name}.html`)].sort());
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

  it("is deterministic: two builds are identical and carry no timestamp or absolute path", async () => {
    const { models, files } = await realSite();
    const again = await buildSiteFiles(models);
    expect(again).toEqual(files);
    vi.useFakeTimers({ now: new Date("2031-02-03T04:05:06Z"), toFake: ["Date"] });
    try {
      expect(await buildSiteFiles(models)).toEqual(files);
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

  it("rejects unknown arguments with usage", () => {
    expect(() => parseCommand(docsCommand.spec, ["--nope"])).toThrow(/unknown option --nope/);
  });
});
