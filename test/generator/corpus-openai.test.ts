/** OpenAI's whole output under the strictest profile (test/generator/corpus-large.ts). */
import { largeCorpusDocument } from "./corpus-large.js";

largeCorpusDocument("openai-openapi.v3.1.yaml");
