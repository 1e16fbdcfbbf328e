/**
 * Handlebars set-up for the docs pages. Templates only ever use `{{ }}`, which HTML-escapes; a test rejects
 * triple-stash in `templates/`. Partials are the files in `templates/partials/`, named by file name.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

export interface Templates {
  index(context: object): string;
  api(context: object): string;
  changelog(context: object): string;
  notFound(context: object): string;
  /** Static files copied as they are (`assets/style.css`), keyed by site-relative path. */
  assets: Map<string, string>;
}

export async function loadTemplates(dir = TEMPLATE_DIR): Promise<Templates> {
  const hbs = Handlebars.create();
  const read = (file: string) => readFile(path.join(dir, file), "utf8");
  // Partials are inlined in markup where a trailing newline would change text (`<pre>`), so it is dropped.
  for (const file of (await readdir(path.join(dir, "partials"))).sort()) {
    if (!file.endsWith(".hbs")) continue;
    hbs.registerPartial(file.slice(0, -4), (await read(`partials/${file}`)).replace(/\n$/, ""));
  }
  hbs.registerPartial("layout", await read("layout.hbs"));
  const compile = async (file: string) => hbs.compile(await read(file), { preventIndent: true });
  const assets = new Map<string, string>();
  for (const file of (await readdir(path.join(dir, "assets"))).sort())
    assets.set(`assets/${file}`, await read(`assets/${file}`));
  return {
    index: await compile("index.hbs"),
    api: await compile("api.hbs"),
    changelog: await compile("changelog.hbs"),
    notFound: await compile("404.hbs"),
    assets,
  };
}
