/**
 * `npm run docs:serve [-- --port 4173] [--dir site] [--mock] [--config generator.config.json]`: previews the built
 * site on 127.0.0.1; with `--mock`, also runs every API's mock and makes it the try-it console's default server.
 */
import { existsSync } from "node:fs";
import { startMock, type MockServer } from "../mock/server.js";
import { readApis } from "./config.js";
import { createDocsServer } from "./docs-server.js";

interface ServeOptions {
  port: number;
  dir: string;
  mock: boolean;
  config: string;
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const options: ServeOptions = { port: 4173, dir: "site", mock: false, config: "generator.config.json" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--mock") {
      options.mock = true;
      continue;
    }
    if (flag === "--port" && value !== undefined && /^\d+$/.test(value) && Number(value) <= 65535)
      options.port = Number(value);
    else if (flag === "--dir" && value !== undefined) options.dir = value;
    else if (flag === "--config" && value !== undefined) options.config = value;
    else
      throw new Error(
        `docs:serve: bad argument "${flag ?? ""}"; usage: npm run docs:serve -- [--port N] [--dir DIR] [--mock] [--config FILE]`,
      );
    i++;
  }
  return options;
}

async function main(): Promise<void> {
  const { port, dir, mock, config } = parseServeArgs(process.argv.slice(2));
  if (!existsSync(dir)) throw new Error(`docs:serve: ${dir}/ does not exist; run \`npm run docs\` first`);
  const servers: MockServer[] = [];
  const mocks: Record<string, string> = {};
  if (mock)
    for (const api of await readApis(config)) {
      const server = await startMock({ file: api.spec });
      servers.push(server);
      mocks[api.name] = server.url;
    }
  const server = createDocsServer(dir, { mocks });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`docs:serve: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); try --port`);
    void Promise.all(servers.map((s) => s.close()));
    process.exitCode = 1;
  });
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    console.log(`docs: serving ${dir}/ at http://127.0.0.1:${actual}/ (Ctrl+C to stop)`);
    for (const name of Object.keys(mocks))
      console.log(`docs: mock of ${name} at http://127.0.0.1:${actual}/mock/${name} (try-it default)`);
  });
}

if (process.argv[1]?.endsWith("serve.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
