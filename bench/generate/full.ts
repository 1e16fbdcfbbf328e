/**
 * Child process for bench/scale.ts: the whole output for one document (types, client, validators, index, runtime),
 * as `npm run generate -- --spec` writes it (load, bundle, model, every emitter, atomic write), without lint.
 */
import { emitAll, emittersFor } from "../../generator/pipeline.js";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import { writeOutputs } from "../../generator/write/write.js";

const [spec, out, validators] = process.argv.slice(2);
if (!spec || !out) throw new Error("usage: full.ts SPEC OUT_DIR [no-validators]");
const model = buildModel(await loadDocument(spec), "bench");
const files = await emitAll(model, await emittersFor({ validators: validators !== "no-validators" }));
await writeOutputs([{ dir: out, files }]);
