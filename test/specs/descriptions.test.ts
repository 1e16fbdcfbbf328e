/** Each spec names the vendor page it was transcribed from by its URL (users do not know our internal seed ids). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SPECS } from "./spec-files.js";

describe("spec descriptions", () => {
  it.each(SPECS.map((s) => s.spec))("%s names its vendor page by URL", (file) => {
    const doc = parse(readFileSync(file, "utf8")) as { info: { description: string } };
    expect(doc.info.description).toMatch(/reference page\s+https:\/\/[^\s]+\/[^\s]+/);
    expect(doc.info.description).not.toMatch(/\bseed\b/i);
  });
});
