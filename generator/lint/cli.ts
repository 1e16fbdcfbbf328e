/** Entry kept for `tsx generator/lint/cli.ts`: `contactgen lint`. */
import { runEntry } from "../cli/main.js";

await runEntry("lint");
