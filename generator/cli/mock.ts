/** `contactgen mock <api> | --spec FILE [--port N]`: the spec-driven mock server on 127.0.0.1, until interrupted. */
import { intOption, pairsOption, stringOption, UsageError, type ParsedArgs } from "./args.js";
import { CONFIG_OPTION, type Command } from "./command.js";
import { findApi, readConfig } from "./config.js";

async function run({ values, positionals }: ParsedArgs): Promise<number> {
  const port = intOption(values, "port", 0, 65535) ?? 4010;
  const spec = stringOption(values, "spec");
  const api = positionals[0];
  if ((api === undefined) === (spec === undefined)) throw new UsageError("name one API or pass --spec FILE");
  const file = spec ?? findApi(await readConfig(stringOption(values, "config")), api ?? "").spec;
  const { startMock } = await import("../mock/server.js");
  const log = values.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  const credentials = pairsOption(values, "auth");
  const seed = intOption(values, "seed", 0, Number.MAX_SAFE_INTEGER);
  let mock;
  try {
    mock = await startMock({
      file,
      port,
      log,
      ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
      ...(seed === undefined ? {} : { seed }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new Error(`port ${port} is in use: pass another with --port N (0 picks a free one)`);
    throw error;
  }
  process.stdout.write(`mock: ${file} on ${mock.url} (${mock.operations} operations); Ctrl-C to stop\n`);
  const server = mock;
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      server.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export const mockCommand: Command = {
  spec: {
    name: "mock",
    summary: "Serve a spec-driven mock on 127.0.0.1 that validates every request (generator/mock/README.md).",
    usage: [
      "<api> [--port N] [--auth SCHEME=VALUE] [--seed N] [--quiet]",
      "--spec FILE [--port N] [--auth SCHEME=VALUE] [--seed N] [--quiet]",
    ],
    positionals: { min: 0, max: 1 },
    options: {
      port: { type: "string", value: "N", default: "4010", help: "port on 127.0.0.1; 0 picks a free one" },
      spec: { type: "string", value: "FILE", help: "serve any OpenAPI 3.0/3.1 document instead of a configured API" },
      quiet: { type: "boolean", help: "do not log requests" },
      seed: { type: "string", value: "N", help: "seed of the synthesised data: same seed, same answers (default: 0)" },
      auth: {
        type: "string",
        value: "SCHEME=VALUE",
        multiple: true,
        help: "accept only this credential for a security scheme (repeatable; wrong ones get 401)",
      },
      config: CONFIG_OPTION,
    },
  },
  run,
};
