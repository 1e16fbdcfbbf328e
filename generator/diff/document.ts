import type { OpenApiDocument, ServerObject } from "../load/openapi-types.js";
import { compareOperations } from "./operations.js";
import { compareSecuritySchemes } from "./security.js";
import { ChangeSink, sortChanges, type Change } from "./types.js";

/** Every change between two bundled documents, judged for client users, in a stable order (breaking first). */
export function diffDocuments(oldDoc: OpenApiDocument, newDoc: OpenApiDocument): Change[] {
  const sink = new ChangeSink();
  compareInfo(oldDoc, newDoc, sink);
  compareServers(oldDoc.servers ?? [], newDoc.servers ?? [], sink);
  compareSecuritySchemes(oldDoc, newDoc, sink);
  compareComponentNames(oldDoc, newDoc, sink);
  compareOperations({ oldDoc, newDoc, sink, graph: new Map() });
  return sortChanges(sink.changes);
}

function compareInfo(a: OpenApiDocument, b: OpenApiDocument, sink: ChangeSink): void {
  for (const key of ["title", "description", "version"] as const) {
    if (a.info?.[key] !== b.info?.[key]) {
      sink.add(
        `info-${key}-changed`,
        "docs",
        "info",
        key === "description"
          ? "info.description changed"
          : `info.${key} changed from ${a.info?.[key] ?? "none"} to ${b.info?.[key] ?? "none"}`,
      );
    }
  }
}

/** Server URL with variables set to their defaults; the client's default base URL is the first one. */
function resolvedUrl(server: ServerObject): string {
  return server.url.replace(/\{([^}]*)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

function split(url: string): { origin: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)?(.*)$/i.exec(url);
  return { origin: match?.[1] ?? "", path: (match?.[2] ?? "").replace(/\/+$/, "") };
}

function compareServers(before: ServerObject[], after: ServerObject[], sink: ChangeSink): void {
  const oldUrls = before.map(resolvedUrl);
  const newUrls = after.map(resolvedUrl);
  const [oldFirst, newFirst] = [oldUrls[0] ?? "/", newUrls[0] ?? "/"];
  if (oldFirst !== newFirst) {
    const a = split(oldFirst);
    const b = split(newFirst);
    if (a.path !== b.path) {
      sink.add(
        "base-path-changed",
        "breaking",
        "servers",
        `base path changed from "${a.path || "/"}" to "${b.path || "/"}": every request URL moves`,
      );
    }
    if (a.origin !== b.origin) {
      sink.add(
        "server-url-changed",
        "breaking",
        "servers",
        `default server changed from ${a.origin || "(relative)"} to ${b.origin || "(relative)"}`,
      );
    }
  }
  for (const url of oldUrls.slice(1)) {
    if (!newUrls.includes(url)) sink.add("server-removed", "breaking", "servers", `server ${url} removed`);
  }
  for (const url of newUrls.slice(1)) {
    if (!oldUrls.includes(url)) sink.add("server-added", "non-breaking", "servers", `server ${url} added`);
  }
}

/** Component schemas become exported types in the generated client, so their names are public surface. */
function compareComponentNames(a: OpenApiDocument, b: OpenApiDocument, sink: ChangeSink): void {
  const before = Object.keys(a.components?.schemas ?? {});
  const after = new Set(Object.keys(b.components?.schemas ?? {}));
  for (const name of before) {
    if (!after.has(name))
      sink.add(
        "schema-removed",
        "breaking",
        `schema ${name}`,
        `component schema ${name} removed: its exported type goes away`,
      );
  }
  for (const name of after) {
    if (!before.includes(name))
      sink.add("schema-added", "non-breaking", `schema ${name}`, `component schema ${name} added`);
  }
}
