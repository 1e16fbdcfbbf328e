/** Entry kept for `tsx generator/docs/serve.ts`: `contactgen docs serve`. */
import { runEntry } from "../cli/main.js";

await runEntry("docs serve");
