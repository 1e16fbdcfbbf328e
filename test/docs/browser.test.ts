/**
 * The built site in a real browser (Debian's headless Chromium driven by playwright-core), served on 127.0.0.1:
 * the index loads, every API page renders its operations, every internal link and anchor resolves, no page logs
 * a console error, no request leaves 127.0.0.1, a hostile spec stays inert. With CONTACTGEN_SCREENSHOTS=1,
 * screenshots go to test-results/docs/ (for a person looking at the design; no test reads them).
 *
 * The main context's pages are tabs that go from document to document, as a reader's tab does (`open`/`done`):
 * a new tab for every load cost about half a CPU-second and most of a second of wall time each (a renderer
 * started), some 40 times a run (docs/decisions/0172-test-time-budget.md).
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteFiles, loadChangelogs } from "../../generator/docs/build.js";
import { createDocsServer } from "../../generator/docs/docs-server.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";
import { writeOutputs } from "../../generator/write/write.js";
import type { ApiModel } from "../../generator/model/types.js";
import { hostileSite, realSite, ROOT } from "./build-helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "test-results/docs");
const SCREENSHOTS = process.env.CONTACTGEN_SCREENSHOTS === "1";

let dir: string;
let server: http.Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let models: ApiModel[];
const mocks: MockServer[] = [];
const mockRequests: string[] = [];
const offsite: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  dir = await mkdtemp(path.join(os.tmpdir(), "docs-browser-"));
  const real = await realSite();
  models = real.models;
  await writeOutputs([{ dir: path.join(dir, "main"), files: real.files, verbatim: true }]);
  await writeOutputs([{ dir: path.join(dir, "hostile"), files: (await hostileSite()).files, verbatim: true }]);
  if (SCREENSHOTS) await mkdir(SHOTS, { recursive: true });
  const mockUrls: Record<string, string> = {};
  for (const model of models) {
    const mock = await startMock({ model });
    mocks.push(mock);
    mockUrls[model.name] = mock.url;
  }
  server = createDocsServer(dir, { mocks: mockUrls, mount: "/main/" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  context = await guardedContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
});

/** A browser context in which anything not addressed to our server is recorded and refused. */
async function guardedContext(options: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext> {
  const created = await browser.newContext(options);
  await created.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/main/mock/`)) mockRequests.push(`${route.request().method()} ${url}`);
    if (url.startsWith(`${origin}/`) || url.startsWith(pathToFileURL(dir).href)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return created;
}

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await Promise.all(mocks.map((m) => m.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Tabs of the main context that are free for the next `tab()`; what each one shows now, for error reports. */
const idle: Page[] = [];
const showing = new WeakMap<Page, string>();

/** A free tab of the main context (a new one when all are in use), its console errors reported as `label`. */
async function tab(label: string): Promise<Page> {
  let page = idle.pop();
  if (!page) {
    const created = await context.newPage();
    created.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(`${showing.get(created)}: ${m.text()}`);
    });
    created.on("pageerror", (e) => consoleErrors.push(`${showing.get(created)}: ${e.message}`));
    page = created;
  }
  showing.set(page, label);
  // In front, as the tab a reader looks at: Chromium slows a tab behind another (try-it over every operation
  // took 17.8 s in the reused tab behind, 3.5 s in front).
  await page.bringToFront();
  return page;
}

/** Loads `url` as a new document, also when the tab shows the same document now (that would only scroll). */
async function load(page: Page, url: string): ReturnType<Page["goto"]> {
  if (page.url().split("#")[0] === url.split("#")[0]) await page.goto("about:blank");
  return page.goto(url, { waitUntil: "load" });
}

async function open(pathname: string): Promise<Page> {
  const page = await tab(pathname);
  const response = await load(page, `${origin}/${pathname}`);
  expect(response?.status(), pathname).toBe(200);
  return page;
}

/** The tab is free again, back in the default (light) colour scheme; its document stays until the next load. */
async function done(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  idle.push(page);
}

/** A screenshot in test-results/docs/ with CONTACTGEN_SCREENSHOTS=1 (a full-page one costs ~0.4 CPU-s). */
async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}

/** All anchors' resolved URLs on a page. */
function links(page: Page): Promise<string[]> {
  return page.$$eval("a[href]", (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
}

const idsByPage = new Map<string, Set<string>>();
const statusByUrl = new Map<string, number>();

async function idsIn(page: Page): Promise<Set<string>> {
  return new Set(await page.$$eval("[id]", (els) => els.map((e) => e.id)));
}

/** Element ids of another document, read by loading it in the browser (cached per URL). */
async function idsOf(url: string, current: Page): Promise<Set<string>> {
  if (url === current.url().split("#")[0]) return idsIn(current);
  const cached = idsByPage.get(url);
  if (cached) return cached;
  const page = await tab(url);
  await load(page, url);
  const ids = await idsIn(page);
  await done(page);
  idsByPage.set(url, ids);
  return ids;
}

async function statusOf(url: string): Promise<number> {
  const cached = statusByUrl.get(url);
  if (cached !== undefined) return cached;
  const status = (await context.request.get(url)).status();
  statusByUrl.set(url, status);
  return status;
}

/** Every link stays on our server, its document answers 200, and its #fragment names an element there. */
async function checkLinks(page: Page): Promise<number> {
  const hrefs = [...new Set(await links(page))];
  for (const href of hrefs) {
    expect(href.startsWith(`${origin}/`), `external link ${href}`).toBe(true);
    const url = new URL(href);
    const documentUrl = `${url.origin}${url.pathname}`;
    const status = await statusOf(documentUrl);
    expect(status, `${href} on ${page.url()}`).toBe(200);
    if (url.hash) {
      const ids = await idsOf(documentUrl, page);
      expect(ids.has(decodeURIComponent(url.hash.slice(1))), `${href} on ${page.url()}: no element with that id`).toBe(
        true,
      );
    }
  }
  return hrefs.length;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

/** Replaces the first string found depth-first with a number, in place; returns its JSON pointer. */
function breakFirstString(value: unknown, pointer: string): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (typeof record[key] === "string") {
      record[key] = 12345;
      return here;
    }
    const deeper = breakFirstString(record[key], here);
    if (deeper) return deeper;
  }
  return undefined;
}

describe("docs site in Chromium", () => {
  it("loads the index with a card per API linking to its page", async () => {
    const page = await open("main/index.html");
    expect(await page.title()).toContain("reference");
    const cards = await page.$$eval(".card h2 a", (as) => as.map((a) => a.getAttribute("href")));
    expect(cards).toEqual(models.map((m) => `${m.name}.html`).sort());
    const operations = await page.locator(".card .ops tr").count();
    expect(operations).toBe(models.reduce((n, m) => n + m.operations.length, 0));
    // The stylesheet applied: the top bar is dark, so the CSS file loaded.
    const bar = await page.$eval(".topbar", (el) => getComputedStyle(el).backgroundColor);
    expect(bar).toBe("rgb(17, 24, 39)");
    await screenshot(page, "index.png", true);
    expect(await checkLinks(page)).toBeGreaterThan(models.length);
    await done(page);
  });

  it("renders every API page with all its operations and the compiled examples", async () => {
    for (const model of models) {
      const page = await open(`main/${model.name}.html`);
      const rendered = await page.$$eval("article.operation", (articles) =>
        articles.map((a) => ({
          id: a.getAttribute("data-operation-id"),
          height: a.getBoundingClientRect().height,
          endpoint: a.querySelector(".endpoint")?.textContent ?? "",
          file: a.querySelector("pre[data-example]")?.getAttribute("data-example") ?? "",
          code: a.querySelector("pre[data-example]")?.textContent ?? "",
          curlFile: a.querySelector("pre[data-sample]")?.getAttribute("data-sample") ?? "",
          curl: a.querySelector("pre[data-sample]")?.textContent ?? "",
        })),
      );
      expect(rendered.map((r) => r.id).sort(), model.name).toEqual(model.operations.map((o) => o.id).sort());
      for (const op of model.operations) {
        const shown = rendered.find((r) => r.id === op.id);
        expect(shown?.height, op.id).toBeGreaterThan(100);
        expect(shown?.endpoint).toContain(op.path);
        // The example on the page is, character for character, the file the type-check compiles.
        const served = await (await context.request.get(`${origin}/main/${shown?.file}`)).text();
        expect(shown?.code).toBe(served);
        const curl = await (await context.request.get(`${origin}/main/${shown?.curlFile}`)).text();
        expect(shown?.curl).toBe(curl);
        expect(curl.startsWith("curl ")).toBe(true);
      }
      await screenshot(page, `${model.name}.png`, true);
      await checkLinks(page);
      await done(page);
    }
  });

  it("shows samples in tabs beside the operation on a wide screen, with a working copy button", async () => {
    const model = models[0] as ApiModel;
    const op = model.operations[0];
    const page = await open(`main/${model.name}.html`);
    const article = page.locator(`article[data-operation-id="${op?.id}"]`);
    const doc = (await article.locator(".op-doc").boundingBox())!;
    const panel = (await article.locator(".samples").boundingBox())!;
    expect(panel.x, "samples sit to the right of the operation").toBeGreaterThanOrEqual(doc.x + doc.width);
    const curl = article.locator("pre[data-sample]");
    const ts = article.locator("pre[data-example]");
    expect(await curl.isVisible()).toBe(true);
    expect(await ts.isVisible()).toBe(false);
    await article.getByRole("tab", { name: "TypeScript" }).click();
    expect(await ts.isVisible()).toBe(true);
    expect(await curl.isVisible()).toBe(false);
    await page.keyboard.press("ArrowLeft");
    expect(await curl.isVisible()).toBe(true);
    expect(await article.getByRole("tab", { name: "curl" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await article.locator("[data-copy]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await curl.textContent());
    expect(await article.locator("[data-copy]").textContent()).toBe("Copied");
    await done(page);
  });

  it("searches: `/` focuses the box, typing an operation name lists it, arrows move, Enter opens it", async () => {
    const model = models[models.length - 1] as ApiModel;
    const op = model.operations[model.operations.length - 1] as ApiModel["operations"][number];
    const page = await open("main/index.html");
    await page.keyboard.press("/");
    const input = page.getByRole("combobox");
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(op.id);
    const options = page.getByRole("option");
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await screenshot(page, "search.png");
    // Several APIs may share the operationId: walk down to this API's entry with the arrow keys.
    const shown = await options.evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    const wanted = shown.findIndex(
      (t) => t.startsWith(op.summary ?? op.id) && t.includes(`${op.method.toUpperCase()} ${op.path} · ${model.title}`),
    );
    expect(wanted, shown.join("\n")).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < wanted; i++) await page.keyboard.press("ArrowDown");
    expect(await options.nth(wanted).getAttribute("aria-selected")).toBe("true");
    await Promise.all([page.waitForURL(/#op-/), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).pathname).toBe(`/main/${model.name}.html`);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${anchor}"]`).getAttribute("data-operation-id")).toBe(op.id);
    await done(page);
  });

  it("try-it sends the spec's example to the mock and shows the 2xx; an invalid body is refused before sending", async () => {
    const model = models.find((m) => m.operations.some((o) => o.requestBody?.content[0]?.mediaType.includes("json")));
    const op = model?.operations.find((o) => o.requestBody?.content[0]?.mediaType.includes("json"));
    const page = await open(`main/${model?.name}.html`);
    const tryit = page.locator(`section.tryit[data-tryit="${op?.id}"]`);
    expect(await tryit.isVisible()).toBe(true);
    // Served by the docs server with mocks: the local mock is the default server.
    expect(await tryit.locator("select[name=server]").inputValue()).toBe(`${origin}/main/mock/${model?.name}`);
    for (const auth of await tryit.locator("input[data-auth]").all()) await auth.fill("test-token");
    const before = mockRequests.length;
    await tryit.getByRole("button", { name: "Send request" }).click();
    const status = tryit.locator(".tryit-status .status");
    await status.waitFor();
    const documented = op?.responses.find((r) => /^2\d\d$/.test(r.status))?.status;
    expect(await status.textContent()).toBe(documented);
    expect(mockRequests.length).toBe(before + 1);
    expect(mockRequests[before]).toContain(`${op?.method.toUpperCase()} ${origin}/main/mock/${model?.name}/`);
    expect(JSON.parse((await tryit.locator(".tryit-body").textContent()) ?? "")).toBeTypeOf("object");
    if (SCREENSHOTS) await tryit.screenshot({ path: path.join(SHOTS, "tryit.png") });

    // The first string member (at any depth) replaced by a number: the generated validator refuses it, naming
    // the member's JSON pointer.
    const textarea = tryit.locator("textarea");
    const body = JSON.parse(await textarea.inputValue()) as unknown;
    const pointer = breakFirstString(body, "");
    expect(pointer).toBeDefined();
    await textarea.fill(JSON.stringify(body));
    await tryit.getByRole("button", { name: "Send request" }).click();
    await tryit.locator(".tryit-refused").waitFor();
    expect(await tryit.locator(".tryit-issues code").allTextContents()).toContain(`/body${pointer}`);
    expect(mockRequests.length, "nothing was sent").toBe(before + 1);
    await done(page);
  });

  it("try-it: every operation of every API, sent as prefilled to its mock, gets the documented success status", async () => {
    const results: string[] = [];
    for (const model of models) {
      const page = await open(`main/${model.name}.html`);
      for (const op of model.operations) {
        const tryit = page.locator(`section.tryit[data-tryit="${op.id}"]`);
        for (const auth of await tryit.locator("input[data-auth]").all()) await auth.fill("test-token");
        await tryit.getByRole("button", { name: "Send request" }).click();
        const outcome = tryit.locator(
          ".tryit-status .status, .tryit-refused, .tryit-message:not(:has-text('Sending'))",
        );
        await outcome.first().waitFor();
        const documented = op.responses.find((r) => /^2\d\d$/.test(r.status))?.status;
        results.push(
          `${model.name} ${op.id}: ${(await tryit.locator(".tryit-result").innerText()).split("\n")[0]} (want ${documented})`,
        );
        expect(await tryit.locator(".tryit-status .status").textContent(), results.at(-1)).toBe(documented);
      }
      await done(page);
    }
    expect(results.length).toBe(models.reduce((n, m) => n + m.operations.length, 0));
  });

  it("reads fully with JavaScript off: every section and both samples show, no dead controls", async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await plain.route("**/*", (route) =>
      route.request().url().startsWith(`${origin}/`)
        ? route.continue()
        : (offsite.push(route.request().url()), route.abort()),
    );
    const model = models[0] as ApiModel;
    const page = await plain.newPage();
    await page.goto(`${origin}/main/${model.name}.html`);
    const article = page.locator(`article[data-operation-id="${model.operations[0]?.id}"]`);
    expect(await article.locator("pre[data-sample]").isVisible()).toBe(true);
    expect(await article.locator("pre[data-example]").isVisible()).toBe(true);
    expect(await article.locator(".sample-bar").isVisible()).toBe(false);
    expect(await article.locator("section.tryit").isVisible()).toBe(false);
    expect(await page.locator(".search").isVisible()).toBe(false);
    expect(await page.locator("article.operation").count()).toBe(model.operations.length);
    await plain.close();
  });

  it("on a 390 px screen the navigation collapses behind Menu and the first view shows content", async () => {
    const phone = await guardedContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const model = models.find((m) => m.name === "pylon") ?? (models[0] as ApiModel);
    const page = await phone.newPage();
    await page.goto(`${origin}/main/${model.name}.html`);
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    const title = (await page.locator("main h1").boundingBox())!;
    expect(title.y + title.height).toBeLessThan(844);
    const firstOperation = (await page.locator("article.operation").first().boundingBox())!;
    expect(firstOperation.y, "content starts within the first view").toBeLessThan(844 * 3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling").toBeLessThanOrEqual(390);
    await screenshot(page, `${model.name}-390.png`);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.locator("#sidebar a[href^='#op-']").first().click();
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    await page.goto(`${origin}/main/index.html`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "index-390.png");
    await phone.close();
  });

  it("follows the system colour scheme (dark mode)", async () => {
    const page = await open("main/index.html");
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(light).toBe("rgb(247, 248, 250)");
    expect(dark).toBe("rgb(11, 17, 32)");
    await screenshot(page, "index-dark.png");
    await done(page);
  });

  it("axe-core finds no serious or critical violation on any page, light or dark", async () => {
    const axeSource = await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
    const pages = ["index.html", ...models.flatMap((m) => [`${m.name}.html`, `${m.name}-changelog.html`])];
    const found: string[] = [];
    // One load per page, checked in both schemes; two pages at a time (the machine has two cores).
    const check = async (name: string) => {
      const page = await open(`main/${name}`);
      // Evaluated through the debugging protocol, which the page's CSP does not govern; nothing is fetched.
      await page.evaluate(axeSource);
      // Every rule in the light scheme; in the dark one, the rules whose outcome colours can change (the
      // stylesheet's dark block only changes colours).
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const only = scheme === "dark" ? ["color-contrast", "link-in-text-block"] : undefined;
        const violations = await page.evaluate(async (rules) => {
          type Axe = { run(options: object): Promise<{ violations: AxeViolation[] }> };
          const axe = (window as unknown as { axe: Axe }).axe;
          const runOnly = rules ? { runOnly: { type: "rule", values: rules } } : {};
          return (await axe.run({ resultTypes: ["violations"], ...runOnly })).violations;
        }, only);
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          found.push(
            `${scheme} ${name}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")}`,
          );
      }
      await done(page);
    };
    for (let i = 0; i < pages.length; i += 2) await Promise.all(pages.slice(i, i + 2).map(check));
    expect(found).toEqual([]);
  }, 180_000); // 11 pages × 2 schemes: 32–60 s measured here with the two cores shared (load average about 21)

  it("published under a base path (GitHub Pages): a deep missing URL gets the styled 404 page, whose search works", async () => {
    const repo = path.join(dir, "pages");
    const config = path.join(ROOT, "generator.config.json");
    await writeOutputs([
      {
        dir: repo,
        files: await buildSiteFiles(models, { changelogs: await loadChangelogs(config, models), basePath: "/repo/" }),
        verbatim: true,
      },
    ]);
    const pages = createDocsServer(repo, { basePath: "/repo/" });
    await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
    const pagesOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    const local = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await local.route("**/*", (route) =>
      route.request().url().startsWith(`${pagesOrigin}/`)
        ? route.continue()
        : (offsite.push(route.request().url()), route.abort()),
    );
    try {
      const page = await local.newPage();
      page.on("pageerror", (e) => consoleErrors.push(`404: ${e.message}`));
      const response = await page.goto(`${pagesOrigin}/repo/no/such/page.html`);
      expect(response?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Page not found");
      expect(await page.$eval(".topbar", (el) => getComputedStyle(el).backgroundColor)).toBe("rgb(17, 24, 39)");
      const op = models[0]?.operations[0] as ApiModel["operations"][number];
      await page.keyboard.press("/");
      await page.keyboard.type(op.id);
      await page.getByRole("option").first().waitFor();
      await Promise.all([page.waitForURL(/#op-/), page.keyboard.press("Enter")]);
      expect(new URL(page.url()).pathname).toMatch(/^\/repo\/[a-z0-9-]+\.html$/);
      expect((await page.goto(`${pagesOrigin}/repo/`))?.status()).toBe(200);
    } finally {
      await local.close();
      await new Promise((resolve) => pages.close(resolve));
    }
  });

  it("keeps a hostile spec inert: no script runs, its markup renders as text", async () => {
    const page = await open("hostile/hostile.html");
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const foreign = await page.$$eval(
      "script:not([src^='assets/']), img, iframe, svg, object, embed, style, base, meta[http-equiv='refresh'], a[href^='javascript']",
      (els) => els.map((e) => e.outerHTML),
    );
    expect(foreign).toEqual([]);
    const text = await page.locator("body").innerText();
    expect(text).toContain("</script><script>window.__pwned = 'description'</script>");
    expect(text).toContain(`<img src=x onerror="window.__pwned = 'img'">`);
    expect(await page.title()).toContain("</title><script>");
    await screenshot(page, "hostile.png", true);
    await checkLinks(page);
    const index = await open("hostile/index.html");
    expect(await index.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await done(index);
    await done(page);
  });

  it("also works opened from disk (file://), styles included", async () => {
    const page = await tab("file://");
    await load(page, pathToFileURL(path.join(dir, "main/index.html")).href);
    expect(await page.$eval(".topbar", (el) => getComputedStyle(el).backgroundColor)).toBe("rgb(17, 24, 39)");
    expect(await page.locator(".card").count()).toBe(models.length);
    await done(page);
  });

  it("logged no console error and made no request off 127.0.0.1", () => {
    expect(consoleErrors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
