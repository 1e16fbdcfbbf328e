/**
 * A spec-driven mock server on real HTTP (127.0.0.1): routes by the first server's base path and the path
 * templates, validates every request against the document, and answers with documented statuses and bodies.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadDocument, type LoadedDocument } from "../load/load.js";
import type { ApiModel } from "../model/types.js";
import { buildModel } from "../model/build.js";
import { handle, type MockContext } from "./handle.js";
import { refusal } from "./send.js";
import { buildRoutes } from "./routes.js";
import { warm } from "./warm.js";
import { SchemaRegistry } from "./schemas.js";
import { basePathOf } from "./base-path.js";
import type { AcceptedCredentials } from "./auth.js";

export interface MockOptions {
  /** An OpenAPI document to load; or an already loaded one; or a built model. */
  file?: string;
  loaded?: LoadedDocument;
  model?: ApiModel;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest accepted request body in bytes (413 above). Default 1 MiB. */
  bodyLimit?: number;
  /** Whole-request deadline in ms (408 after). Default 30 s. */
  requestTimeoutMs?: number;
  /** Compile every validator at start-up (default: when the document has at most 100 operations). */
  eager?: boolean;
  /** One line per request, and warnings. */
  log?: (line: string) => void;
  /** Scheme name → the one credential accepted (token/key, or `user:password`); default: any well-formed one. */
  credentials?: AcceptedCredentials;
  /** Seed of the synthesised data (names, emails, ids): same seed, same answers. Default 0. */
  seed?: number;
}

export interface MockServer {
  /** Base URL including the first server's base path: pass it to a client as `baseUrl`. */
  url: string;
  port: number;
  operations: number;
  /** Open client connections right now (for leak checks). */
  connections(): Promise<number>;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
const EAGER_LIMIT = 100;

export async function startMock(options: MockOptions): Promise<MockServer> {
  const model = await modelOf(options);
  const doc = model.document;
  const log = options.log ?? (() => {});
  const registry = new SchemaRegistry(doc, (message) => log(`warning: ${message}`));
  const routes = buildRoutes(model);
  const operations = routes.reduce((n, r) => n + Object.keys(r.operations).length, 0);
  // Small documents compile every validator now, so schema problems show at start-up; big ones (Stripe,
  // OpenAI: hundreds of operations) compile per operation on first use to keep start-up bounded.
  if (options.eager ?? operations <= EAGER_LIMIT) warm(registry, routes);
  const firstServer = doc.servers?.[0];
  const context: MockContext = {
    doc,
    registry,
    routes,
    basePath: firstServer ? basePathOf(firstServer.url, firstServer.variables) : "",
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    log,
    credentials: options.credentials,
    seed: options.seed ?? 0,
    deleted: new Set(),
  };
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node checks the request and headers timeouts only this often: keep it well under them.
  const checkingInterval = Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4)));
  const server = http.createServer({
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 10_000),
    connectionsCheckingInterval: checkingInterval,
    keepAliveTimeout: 5_000,
  });
  // A connection that sends nothing at all is not covered by the timeouts above (they start with a request):
  // close a socket idle for as long as a request may take to send its headers. Not one whose request is under
  // way: a client stalled mid-body gets its 408 from requestTimeout instead of a socket closed without an answer.
  const answering = new WeakSet<object>();
  server.setTimeout(Math.min(requestTimeout, 10_000), (socket) => {
    if (!answering.has(socket)) socket.destroy();
  });
  server.on("request", (req, res) => {
    answering.add(req.socket);
    res.once("close", () => answering.delete(req.socket));
    // One line per answered request, errors included, so `npm run mock` shows why a client was refused.
    res.once("finish", () => {
      const op = res.getHeader("x-mock-operation");
      const invalid = res.getHeader("x-mock-invalid") ? " (invalid on request)" : "";
      const why = refusal(res);
      const what = op ? ` ${decodeURIComponent(String(op))}` : "";
      log(
        `${safeForLog(req.method ?? "?")} ${safeForLog(req.url ?? "")} → ${res.statusCode}${safeForLog(what)}${invalid}${why ? ` — ${why}` : ""}`,
      );
    });
    res.once("close", () => {
      if (!res.writableFinished)
        log(`${safeForLog(req.method ?? "?")} ${safeForLog(req.url ?? "")} — client disconnected`);
    });
    handle(context, req, res).catch((error: unknown) => {
      // The client went away mid-request (reset, abort): nothing to answer, nothing wrong with the mock.
      if (req.destroyed || res.destroyed || (error as NodeJS.ErrnoException).code === "ECONNRESET") return;
      log(`internal error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: { status: 500, message: "mock internal error" } }));
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: HOST, port: options.port ?? 0, backlog: 2048 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}${context.basePath}`,
    port,
    operations,
    connections: () =>
      new Promise<number>((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Request text reaches the terminal: control characters (ANSI escapes, NUL) are shown escaped, never sent. */
function safeForLog(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** The model the mock serves: given, or built from the document (the mock reads operations only through it). */
async function modelOf(options: MockOptions): Promise<ApiModel> {
  if (options.model) return options.model;
  const loaded = options.loaded ?? (options.file ? await loadDocument(options.file) : undefined);
  if (!loaded) throw new Error("startMock needs one of { file, loaded, model }");
  return buildModel(loaded, "mock");
}
