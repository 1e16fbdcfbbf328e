/**
 * `npm run mock -- <api> [--port N]` serves one of the configured APIs; `npm run mock -- --spec FILE [--port N]`
 * serves any OpenAPI 3.0/3.1 document. Runs until interrupted.
 */
import { readFile } from "node:fs/promises";
import { SpecError } from "../load/spec-error.js";
import { startMock } from "./server.js";

const USAGE =
  "usage: npm run mock -- <api> [--port N] [--auth SCHEME=VALUE]   |   npm run mock -- --spec FILE [--port N] [--auth SCHEME=VALUE]";

interface Args {
  api?: string;
  spec?: string;
  port: number;
  quiet: boolean;
  /** With --auth, only these credentials are accepted (wrong ones get 401). */
  credentials?: Record<string, string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 4010, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--spec") args.spec = argv[++i];
    else if (arg === "--port") args.port = Number(argv[++i]);
    else if (arg === "--quiet") args.quiet = true;
    else if (arg === "--auth") {
      const text = argv[++i] ?? "";
      const eq = text.indexOf("=");
      if (eq <= 0) fail(`--auth needs SCHEME=VALUE\n${USAGE}`);
      args.credentials = { ...args.credentials, [text.slice(0, eq)]: text.slice(eq + 1) };
    } else if (arg === "--help" || arg === "-h") fail(USAGE, 0);
    else if (arg.startsWith("-")) fail(`unknown option ${arg}\n${USAGE}`);
    else if (args.api === undefined) args.api = arg;
    else fail(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) fail(`--port must be 0-65535\n${USAGE}`);
  if ((args.api === undefined) === (args.spec === undefined)) fail(`name one API or pass --spec FILE\n${USAGE}`);
  return args;
}

function fail(message: string, code = 2): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(code);
}

async function specOf(api: string): Promise<string> {
  const config = JSON.parse(await readFile("generator.config.json", "utf8")) as {
    apis: { name: string; spec: string }[];
  };
  const entry = config.apis.find((a) => a.name === api);
  if (!entry) fail(`unknown API "${api}" (generator.config.json lists: ${config.apis.map((a) => a.name).join(", ")})`);
  return entry.spec;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = args.spec ?? (await specOf(args.api!));
  const log = args.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  const mock = await startMock({ file, port: args.port, log, credentials: args.credentials });
  process.stdout.write(`mock: ${file} on ${mock.url} (${mock.operations} operations); Ctrl-C to stop\n`);
  const stop = (): void => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof SpecError) fail(error.message, 1);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") fail("the port is in use: pass another with --port N (0 picks a free one)", 1);
  fail(`mock: ${(error as Error).stack ?? String(error)}`, 1);
});
