/**
 * Child process for bench/generate.ts: our types + client for one document, as `npm run generate` does it
 * (load, bundle, model, the types and client emitters, atomic write), without lint and without validators.
 */
import { emitAll, emittersFor } from "../../generator/pipeline.js";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import { writeOutputs } from "../../generator/write/write.js";

const [spec, out] = process.argv.slice(2);
if (!spec || !out) throw new Error("usage: ours.ts SPEC OUT_DIR");
const model = buildModel(await loadDocument(spec), "bench");
const files = await emitAll(model, await emittersFor({ validators: false, only: ["types", "client"] }));
await writeOutputs([{ dir: out, files }]);
