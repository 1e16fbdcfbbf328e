/** `npm run docs:serve [-- --port 4173] [--dir site]`: previews the built site on 127.0.0.1. */
import { existsSync } from "node:fs";
import { createStaticServer } from "./static-server.js";

function parse(argv: string[]): { port: number; dir: string } {
  const options = { port: 4173, dir: "site" };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--port" && value !== undefined && /^\d+$/.test(value) && Number(value) <= 65535)
      options.port = Number(value);
    else if (flag === "--dir" && value !== undefined) options.dir = value;
    else
      throw new Error(`docs:serve: bad argument "${flag ?? ""}"; usage: npm run docs:serve -- [--port N] [--dir DIR]`);
  }
  return options;
}

try {
  const { port, dir } = parse(process.argv.slice(2));
  if (!existsSync(dir)) throw new Error(`docs:serve: ${dir}/ does not exist; run \`npm run docs\` first`);
  const server = createStaticServer(dir);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`docs:serve: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}); try --port`);
    process.exitCode = 1;
  });
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    console.log(`docs: serving ${dir}/ at http://127.0.0.1:${actual}/ (Ctrl+C to stop)`);
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
