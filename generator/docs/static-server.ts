/**
 * A small static file server for previewing the site and for the browser test. Bound to 127.0.0.1 by the
 * callers. Safe against path traversal: the decoded path is normalised, must stay inside the root, and its real
 * path (symlinks followed) must too.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".sh": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export function staticHandler(root: string): Handler {
  const base = path.resolve(root);
  return (req, res) => {
    void serve(base, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error");
      else res.destroy();
    });
  };
}

export function createStaticServer(root: string): http.Server {
  return http.createServer(staticHandler(root));
}

async function serve(base: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(res, 405, "method not allowed", { allow: "GET, HEAD" });
  const file = await locate(base, req.url ?? "/");
  if (file === undefined) return send(res, 404, "not found");
  const info = await stat(file);
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

/** Maps a request target to a file inside `base`, or undefined (404) for anything else. */
export async function locate(base: string, target: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(target, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const relative = path.posix.normalize(decoded).replace(/^\/+/, "");
  if (relative.split("/").includes("..")) return undefined;
  let candidate = path.resolve(base, relative);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return undefined;
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, "index.html");
    const real = await realpath(candidate);
    const realBase = await realpath(base);
    if (!real.startsWith(realBase + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function send(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(`${text}\n`);
}
