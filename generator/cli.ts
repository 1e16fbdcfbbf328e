/** `npm run generate` entry (also `node --import ./generator/launch.mjs generator/cli.ts`): `contactgen generate`. */
import { runEntry } from "./cli/main.js";

await runEntry("generate");
