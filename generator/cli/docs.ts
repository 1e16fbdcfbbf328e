/** `contactgen docs` builds the static docs site; `contactgen docs serve` previews it on 127.0.0.1. */
import { existsSync } from "node:fs";
import type { MockServer } from "../mock/server.js";
import { intOption, stringOption, UsageError, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, FORCE_OPTION, type Command } from "./command.js";
import { readConfig } from "./config.js";

export interface DocsBuildOptions {
  config: string;
  out: string;
  force?: boolean;
}

export interface ServeOptions {
  port: number;
  dir: string;
  mock: boolean;
  config: string;
}

export function docsBuildOptions({ values }: ParsedArgs): DocsBuildOptions {
  return {
    config: stringOption(values, "config") ?? "generator.config.json",
    out: stringOption(values, "out") ?? "site",
    ...(values.force === true ? { force: true } : {}),
  };
}

export function serveOptions({ values }: ParsedArgs): ServeOptions {
  return {
    port: intOption(values, "port", 0, 65535) ?? 4173,
    dir: stringOption(values, "dir") ?? "site",
    mock: values.mock === true,
    config: stringOption(values, "config") ?? "generator.config.json",
  };
}

async function build(args: ParsedArgs): Promise<number> {
  const options = docsBuildOptions(args);
  const { buildDocs } = await import("../docs/build.js");
  const files = await buildDocs(options);
  const pages = files.filter((f) => f.path.endsWith(".html")).length;
  const examples = files.filter((f) => f.path.endsWith(".ts")).length;
  console.log(`docs: wrote ${pages} pages and ${examples} examples to ${options.out}/`);
  return 0;
}

/** With --mock, every configured API's mock runs too and becomes the try-it console's default server. */
async function serve(args: ParsedArgs): Promise<number> {
  const { port, dir, mock, config } = serveOptions(args);
  if (!existsSync(dir))
    throw new UsageError(`${dir}/ does not exist; run \`contactgen docs\` (npm run docs) first`, false);
  const [{ createDocsServer }, { startMock }] = await Promise.all([
    import("../docs/docs-server.js"),
    import("../mock/server.js"),
  ]);
  const servers: MockServer[] = [];
  const mocks: Record<string, string> = {};
  if (mock)
    for (const api of (await readConfig(config)).apis) {
      const server = await startMock({ file: api.spec });
      servers.push(server);
      mocks[api.name] = server.url;
    }
  const server = createDocsServer(dir, { mocks });
  const closeMocks = () => Promise.all(servers.map((s) => s.close()));
  return new Promise<number>((resolve) => {
    server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(`docs serve: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); try --port`);
      void closeMocks().then(() => resolve(1));
    });
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      console.log(`docs: serving ${dir}/ at http://127.0.0.1:${actual}/ (Ctrl+C to stop)`);
      for (const name of Object.keys(mocks))
        console.log(`docs: mock of ${name} at http://127.0.0.1:${actual}/mock/${name} (try-it default)`);
    });
    const stop = (): void => {
      server.close(() => void closeMocks().then(() => resolve(0)));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export const docsCommand: Command = {
  spec: {
    name: "docs",
    summary: "Build the static docs site (reference, examples, change reports) of every configured API.",
    usage: [
      "[--out DIR] [--force] [--config FILE]",
      "serve [--port N] [--dir DIR] [--mock]   (see contactgen docs serve --help)",
    ],
    positionals: { min: 0, max: 0 },
    options: {
      out: { type: "string", value: "DIR", default: "site", help: "folder that receives the site (replaced whole)" },
      force: FORCE_OPTION,
      config: CONFIG_OPTION,
    },
  },
  run: build,
};

export const docsServeCommand: Command = {
  spec: {
    name: "docs serve",
    summary: "Preview the built docs site on 127.0.0.1.",
    usage: ["[--port N] [--dir DIR] [--mock] [--config FILE]"],
    positionals: { min: 0, max: 0 },
    options: {
      port: { type: "string", value: "N", default: "4173", help: "port on 127.0.0.1; 0 picks a free one" },
      dir: { type: "string", value: "DIR", default: "site", help: "the built site" },
      mock: { type: "boolean", help: "also run every API's mock, the try-it console's default server" },
      config: { ...CONFIG_OPTION, help: "the contactgen config whose APIs --mock serves" },
    },
  },
  run: serve,
};
