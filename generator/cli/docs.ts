/** `contactgen docs` builds the static docs site; `contactgen docs serve` previews it on 127.0.0.1. */
import { existsSync } from "node:fs";
import { intOption, stringOption, UsageError, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, type Command } from "./command.js";

export interface DocsBuildOptions {
  config: string;
  out: string;
}

export function docsBuildOptions({ values }: ParsedArgs): DocsBuildOptions {
  return {
    config: stringOption(values, "config") ?? "generator.config.json",
    out: stringOption(values, "out") ?? "site",
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

async function serve({ values }: ParsedArgs): Promise<number> {
  const port = intOption(values, "port", 0, 65535) ?? 4173;
  const dir = stringOption(values, "dir") ?? "site";
  if (!existsSync(dir))
    throw new UsageError(`${dir}/ does not exist; run \`contactgen docs\` (npm run docs) first`, false);
  const { createStaticServer } = await import("../docs/static-server.js");
  const server = createStaticServer(dir);
  return new Promise<number>((resolve) => {
    server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(`docs serve: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); try --port`);
      resolve(1);
    });
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      console.log(`docs: serving ${dir}/ at http://127.0.0.1:${actual}/ (Ctrl+C to stop)`);
    });
    const stop = (): void => {
      server.close(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export const docsCommand: Command = {
  spec: {
    name: "docs",
    summary: "Build the static docs site (reference, examples, change reports) of every configured API.",
    usage: ["[--out DIR] [--config FILE]", "serve [--port N] [--dir DIR]   (see contactgen docs serve --help)"],
    positionals: { min: 0, max: 0 },
    options: {
      out: { type: "string", value: "DIR", default: "site", help: "folder that receives the site (replaced whole)" },
      config: CONFIG_OPTION,
    },
  },
  run: build,
};

export const docsServeCommand: Command = {
  spec: {
    name: "docs serve",
    summary: "Preview the built docs site on 127.0.0.1.",
    usage: ["[--port N] [--dir DIR]"],
    positionals: { min: 0, max: 0 },
    options: {
      port: { type: "string", value: "N", default: "4173", help: "port on 127.0.0.1; 0 picks a free one" },
      dir: { type: "string", value: "DIR", default: "site", help: "the built site" },
    },
  },
  run: serve,
};
