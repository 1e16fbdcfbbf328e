/**
 * The search index, built at docs time from the page views: one entry per operation (method, path, summary,
 * operationId), component schema and schema property, each pointing at its anchor. Shipped as
 * `assets/search-index.js`, a script assigning one JSON literal, so it also loads from file:// where fetch cannot.
 */
import type { ApiView } from "./view/api-view.js";

export type SearchKind = "operation" | "schema" | "property";

/** [kind, title, detail, href, search terms] — arrays keep the file small. */
export type SearchEntry = [kind: SearchKind, title: string, detail: string, href: string, terms: string];

export function searchEntries(apis: ApiView[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const api of apis) {
    for (const op of api.operations) {
      const detail = `${op.methodUpper} ${op.path} · ${api.title}`;
      entries.push([
        "operation",
        op.title,
        detail,
        `${api.href}#${op.anchor}`,
        terms(op.id, op.method, op.path, op.summary, api.name),
      ]);
    }
    for (const schema of api.schemas) {
      const href = `${api.href}#${schema.anchor}`;
      entries.push(["schema", schema.name, `schema · ${api.title}`, href, terms(schema.name, api.name)]);
      for (const row of schema.rows) {
        const type = row.type.map((p) => p.text).join("");
        entries.push([
          "property",
          `${schema.name}.${row.name}`,
          `${type} · ${api.title}`,
          href,
          terms(row.name, schema.name, api.name),
        ]);
      }
    }
  }
  return entries;
}

function terms(...parts: Array<string | undefined>): string {
  return parts
    .filter((p): p is string => p !== undefined && p !== "")
    .join(" ")
    .toLowerCase();
}

/** `window.contactgenSearch = [...]`; JSON is valid JavaScript, and this file is never inlined into HTML. */
export function searchIndexScript(apis: ApiView[]): string {
  return `window.contactgenSearch = ${JSON.stringify(searchEntries(apis))};\n`;
}
