/**
 * Loaded first by `contactgen` (bin/contactgen.mjs) and by `node --import ./generator/launch.mjs generator/cli.ts`.
 * Plain JavaScript on purpose: it runs before TypeScript support (tsx) is registered. Once tsx's module hooks are
 * active every module load crosses to its hooks thread, which made loading @redocly/openapi-core and its ~300
 * CommonJS dependencies (Ajv, graphql) about 0.3 s slower (wall) on every generating run. So a run that will
 * certainly load the pipeline loads Redocly first, directly; the plain incremental `generate` (usually a no-op),
 * `--help` and `--version` do not, so they stay cheap. Then tsx is registered exactly as `node --import tsx` does.
 */
const PIPELINE_FLAGS = ["--check", "--spec", "--no-cache", "--watch"];
const CHEAP = ["--help", "-h", "--version", "-v", "help"];
const main = process.argv[1] ?? "";
let args = process.argv.slice(2);
let generate = /[\\/]generator[\\/]cli\.ts$/.test(main);
if (/[\\/]contactgen(\.mjs)?$/.test(main)) {
  generate = args[0] === "generate";
  args = args.slice(1);
}
const all = process.argv.slice(2);
const cheap = all.length === 0 || all.some((arg) => CHEAP.includes(arg));
const incrementalGenerate = generate && !args.some((arg) => PIPELINE_FLAGS.includes(arg.replace(/=.*$/, "")));
if (!incrementalGenerate && !cheap) await import("@redocly/openapi-core");
await import("tsx");
