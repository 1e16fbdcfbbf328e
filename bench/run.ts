/** Entry kept for `tsx bench/run.ts`: `contactgen bench [NAME...]`. */
import { runEntry } from "../generator/cli/main.js";

await runEntry("bench");
