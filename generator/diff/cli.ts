/** Entry kept for `tsx generator/diff/cli.ts`: `contactgen diff`. */
import { runEntry } from "../cli/main.js";

await runEntry("diff");
