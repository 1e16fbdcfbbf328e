/** Entry kept for `tsx generator/mock/cli.ts`: `contactgen mock`. */
import { runEntry } from "../cli/main.js";

await runEntry("mock");
