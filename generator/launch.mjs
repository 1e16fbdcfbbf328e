/**
 * Entry of `npm run generate`: `node --import ./generator/launch.mjs generator/cli.ts`. Plain JavaScript on
 * purpose: it runs before TypeScript support (tsx) is registered. Once tsx's module hooks are active every module
 * load crosses to its hooks thread, which made loading @redocly/openapi-core and its ~300 CommonJS dependencies
 * (Ajv, graphql) about 0.3 s slower (wall) on every generating run. So a run that will certainly load the pipeline
 * loads Redocly first, directly; the plain incremental run (`npm run generate`, usually a no-op) does not, so that
 * it stays as cheap as before. Then tsx is registered exactly as `node --import tsx` does.
 */
const PIPELINE_FLAGS = ["--check", "--spec", "--no-cache", "--watch"];
const main = process.argv[1] ?? "";
const args = process.argv.slice(2);
const incrementalCli =
  /[\\/]generator[\\/]cli\.ts$/.test(main) && !args.some((arg) => PIPELINE_FLAGS.includes(arg.replace(/=.*$/, "")));
if (!incrementalCli) await import("@redocly/openapi-core");
await import("tsx");
