/**
 * The preview server of `docs:serve`: the static site, and with `--mock` each API's mock behind the same origin
 * at `<mount>mock/<api>/…`, so the try-it console needs no CORS. `<mount>assets/mock-config.js` then tells the
 * pages where the mocks are, which makes the local mock the console's default server.
 */
import http from "node:http";
import { send, staticHandler } from "./static-server.js";

export interface DocsServerOptions {
  /** API name → the mock's base URL (MockServer.url, base path included). */
  mocks?: Record<string, string>;
  /** Where the site sits on this server (`/`, or `/main/` in the tests). */
  mount?: string;
}

export function mockConfigScript(mocks: Record<string, string>): string {
  const relative = Object.fromEntries(Object.keys(mocks).map((name) => [name, `mock/${name}`]));
  return `window.contactgenMock = ${JSON.stringify(relative)};\n`;
}

export function createDocsServer(root: string, options: DocsServerOptions = {}): http.Server {
  const mocks = new Map(Object.entries(options.mocks ?? {}));
  const mount = options.mount ?? "/";
  const staticFiles = staticHandler(root);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (mocks.size > 0 && url.pathname === `${mount}assets/mock-config.js`) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
      return void res.end(mockConfigScript(Object.fromEntries(mocks)));
    }
    const match = url.pathname.startsWith(`${mount}mock/`)
      ? /^([a-z][a-z0-9-]*)(\/.*)?$/.exec(url.pathname.slice(mount.length + 5))
      : null;
    const target = match?.[1] ? mocks.get(match[1]) : undefined;
    if (match && target) return proxy(`${target}${match[2] ?? ""}${url.search}`, req, res);
    staticFiles(req, res);
  });
}

/** Forwards the request as it came (method, headers, body stream) and the answer as it comes back. */
function proxy(target: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(target);
  const upstream = http.request(
    {
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers: { ...req.headers, host: url.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent) send(res, 502, `mock unreachable: ${error.message}`);
    else res.destroy();
  });
  req.pipe(upstream);
}
