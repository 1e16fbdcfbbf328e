/** `npm run conformance -- <api> | --spec FILE [--server URL] [options]`: see args.ts for the options. */
import { runConformance } from "./run.js";

runConformance(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`conformance: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
