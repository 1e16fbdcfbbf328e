/** Stripe's whole output under the strictest profile (test/generator/corpus-large.ts). */
import { largeCorpusDocument } from "./corpus-large.js";

largeCorpusDocument("stripe-spec3.json");
