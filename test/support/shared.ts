import path from "node:path";

/** `../shared` beside the checkout (CI clones main with shared/ next to it), never an absolute machine path. */
export const SHARED = path.resolve(import.meta.dirname, "../../../shared");
export const CORPUS = path.join(SHARED, "corpus");
