/**
 * The try-it console of an API page (assets/tryit-<api>.js): reads the server-rendered form, checks the request
 * with the API's generated validators (the exported `operationValidators`, as the client runtime does) and only
 * then sends it, showing status, headers and the formatted body. An invalid request never leaves the page.
 */
import type { OperationValidators, ValidationIssue } from "../../runtime/validation.js";
// The runtime module itself (not generator/openapi): this file is bundled for the browser.
import { isJsonMediaType } from "../../runtime/encode.js";

declare global {
  interface Window {
    /** Set by `docs:serve --mock` (assets/mock-config.js): API name → mock base URL relative to the page. */
    contactgenMock?: Record<string, string> | null;
  }
}

interface Request {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  bodyText?: string;
  mediaType?: string;
}

export function initTryIt(validators: Record<string, OperationValidators>, api: string): void {
  if (document.readyState === "loading")
    return void document.addEventListener("DOMContentLoaded", () => initTryIt(validators, api));
  const mock = window.contactgenMock?.[api];
  for (const section of document.querySelectorAll<HTMLElement>("section.tryit")) {
    const form = section.querySelector("form");
    const select = section.querySelector<HTMLSelectElement>("select[name=server]");
    const result = section.querySelector<HTMLElement>(".tryit-result");
    if (!form || !select || !result) continue;
    const mockOption = select.querySelector<HTMLOptionElement>('option[value="mock"]');
    if (mock && mockOption) {
      mockOption.value = new URL(mock, window.location.href).href.replace(/\/+$/, "");
      select.value = mockOption.value;
    } else mockOption?.remove();
    section.hidden = false;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void send(section, validators[section.dataset.tryit ?? ""], select.value, result);
    });
  }
}

async function send(
  section: HTMLElement,
  validators: OperationValidators | undefined,
  server: string,
  result: HTMLElement,
): Promise<void> {
  const request = readForm(section);
  const issues = [...request.issues, ...(validators ? check(validators, request) : [])];
  if (issues.length > 0) return showIssues(result, issues);
  if (!server) return showMessage(result, "No server to send to: this API documents none and no mock is running.");
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) headers.set(name, String(value));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query))
    for (const item of Array.isArray(value) ? value : [value])
      query.append(name, typeof item === "object" ? JSON.stringify(item) : String(item));
  applyAuth(section, headers, query);
  let path = section.dataset.path ?? "";
  for (const [name, value] of Object.entries(request.path))
    path = path.split(`{${name}}`).join(encodeURIComponent(String(value)));
  const search = query.toString();
  const url = `${server}${path}${search ? `?${search}` : ""}`;
  if (request.bodyText !== undefined && request.mediaType) headers.set("Content-Type", request.mediaType);
  showMessage(result, `Sending ${section.dataset.method} ${url} …`);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: section.dataset.method,
      headers,
      body: request.bodyText,
      credentials: "omit",
    });
    const text = await response.text();
    showResponse(result, response, text, Math.round(performance.now() - started));
  } catch (error) {
    showMessage(
      result,
      `The request failed before any answer: ${error instanceof Error ? error.message : String(error)}. Is the server reachable, and does it allow this page's origin (CORS)?`,
    );
  }
}

function readForm(section: HTMLElement): Request & { issues: ValidationIssue[] } {
  const request: Request & { issues: ValidationIssue[] } = {
    path: {},
    query: {},
    headers: {},
    body: undefined,
    issues: [],
  };
  for (const input of section.querySelectorAll<HTMLInputElement>("input[data-kind]")) {
    const name = input.dataset.name ?? "";
    const where = input.dataset.in === "header" ? "headers" : input.dataset.in === "path" ? "path" : "query";
    if (input.value === "") continue;
    request[where][name] = where === "headers" ? input.value : coerce(input.value, input.dataset.kind ?? "string");
  }
  const body = section.querySelector<HTMLTextAreaElement>("textarea[data-media-type]");
  if (body && body.value.trim() !== "") {
    request.mediaType = body.dataset.mediaType;
    request.bodyText = body.value;
    if (isJsonMediaType(request.mediaType)) {
      try {
        request.body = JSON.parse(body.value);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        request.issues.push({ path: "/body", keyword: "json", message: `is not valid JSON (${reason})` });
      }
    } else request.body = body.value;
  }
  return request;
}

/** Form text → the value the validators expect: numbers, booleans, comma-separated arrays, JSON objects. */
function coerce(text: string, kind: string): unknown {
  if (kind.startsWith("array:")) return text.split(",").map((item) => coerce(item.trim(), kind.slice(6)));
  if ((kind === "integer" || kind === "number") && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (kind === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (kind === "object") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function check(validators: OperationValidators, request: Request): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const run = (validator: OperationValidators["path"], value: unknown, prefix: string) => {
    for (const issue of validator?.validate(value) ?? []) issues.push({ ...issue, path: prefix + issue.path });
  };
  run(validators.path, request.path, "/path");
  run(validators.query, request.query, "/query");
  run(validators.headers, request.headers, "/headers");
  if (request.body !== undefined && request.mediaType) {
    const table = validators.body ?? {};
    const key = Object.keys(table).find((k) => k.toLowerCase() === request.mediaType?.toLowerCase());
    run(key ? table[key] : undefined, request.body, "/body");
  }
  return issues;
}

function applyAuth(section: HTMLElement, headers: Headers, query: URLSearchParams): void {
  for (const input of section.querySelectorAll<HTMLInputElement>("input[data-auth]")) {
    const value = input.value.trim();
    if (value === "") continue;
    const { auth, in: where, name = "", prefix = "" } = input.dataset;
    if (auth === "bearer") headers.set("Authorization", `Bearer ${value}`);
    else if (auth === "basic") headers.set("Authorization", `Basic ${btoa(value)}`);
    else if (auth === "apiKey") {
      const sent = prefix === "" ? value : /\s$/.test(prefix) ? `${prefix}${value}` : `${prefix} ${value}`;
      if (where === "header") headers.set(name, sent);
      else if (where === "query") query.set(name, sent);
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function showMessage(result: HTMLElement, text: string): void {
  result.replaceChildren(element("p", "tryit-message", text));
}

function showIssues(result: HTMLElement, issues: ValidationIssue[]): void {
  const list = element("ul", "tryit-issues");
  for (const issue of issues) {
    const item = element("li", "");
    item.append(element("code", "", issue.path || "/"), ` ${issue.message}`);
    list.append(item);
  }
  result.replaceChildren(
    element("p", "tryit-refused", "Not sent: the request does not match the API description."),
    list,
  );
}

function showResponse(result: HTMLElement, response: Response, text: string, ms: number): void {
  const ok = response.status >= 200 && response.status < 300;
  const status = element("p", "tryit-status");
  status.append(
    element("span", `status ${ok ? "ok" : "err"}`, String(response.status)),
    ` ${response.statusText} · ${ms} ms`,
  );
  const headerLines = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  const headers = element("details", "");
  headers.append(element("summary", "", "Response headers"), element("pre", "json", headerLines));
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: shown as received.
  }
  const body = element("pre", "json tryit-body", shown || "(empty body)");
  body.tabIndex = 0;
  result.replaceChildren(status, headers, body);
}
