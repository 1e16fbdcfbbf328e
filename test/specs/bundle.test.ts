import { bundle } from "@redocly/openapi-core";
import { createConfig } from "../../generator/openapi/redocly-config.js";
import { describe, expect, it } from "vitest";
import { SPECS } from "./spec-files.js";

describe("every spec bundles", () => {
  it.each(SPECS)("$name bundles without problems and stays one self-contained 3.1 document", async ({ spec }) => {
    const config = await createConfig({ rules: { struct: "error", "no-unresolved-refs": "error" } });
    const result = await bundle({ ref: spec, config, dereference: false });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const doc = result.bundle.parsed as { openapi: string };
    expect(doc.openapi).toBe("3.1.0");
    const externalRefs = JSON.stringify(doc).match(/"\$ref":"(?!#)[^"]*"/g) ?? [];
    expect(externalRefs).toEqual([]);
  });
});
