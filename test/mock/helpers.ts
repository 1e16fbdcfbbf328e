/** Shared helpers for the mock tests: start a mock per configured API and send raw requests. */
import { readFileSync } from "node:fs";
import { loadDocument, type LoadedDocument } from "../../generator/load/load.js";
import { follow, fragmentOf } from "../../generator/openapi/pointer.js";
import { SchemaRegistry, type Issue } from "../../generator/mock/schemas.js";
import { startMock, type MockServer } from "../../generator/mock/server.js";

export interface ApiEntry {
  name: string;
  spec: string;
}

export const APIS: ApiEntry[] = (JSON.parse(readFileSync("generator.config.json", "utf8")) as { apis: ApiEntry[] })
  .apis;

export interface Started {
  mock: MockServer;
  loaded: LoadedDocument;
  registry: SchemaRegistry;
}

export async function startApi(name: string): Promise<Started> {
  const entry = APIS.find((a) => a.name === name);
  if (!entry) throw new Error(`no API ${name} in generator.config.json`);
  const loaded = await loadDocument(entry.spec);
  const mock = await startMock({ loaded });
  return { mock, loaded, registry: new SchemaRegistry(loaded.doc) };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function send(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Sent> {
  const headers = { ...(init.headers ?? {}) };
  let body: string | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Issues of a response body against the documented schema for (path, method, status, media type). */
export function responseIssues(
  started: Started,
  path: string,
  method: string,
  status: string,
  mediaType: string,
  body: unknown,
): Issue[] {
  const response = follow(started.registry.document, fragmentOf(["paths", path, method, "responses", status]));
  const at = `${response.fragment}${fragmentOf(["content", mediaType, "schema"])}`;
  return started.registry.check(at, { direction: "response", prefix: "" }).run(body).issues;
}

export function issuePaths(json: unknown): string[] {
  const issues = (json as { error?: { issues?: Issue[] } } | undefined)?.error?.issues ?? [];
  return issues.map((i) => i.path);
}
