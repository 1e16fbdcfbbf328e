/**
 * Control characters from spec text (ANSI escape sequences, NUL) never reach a terminal or a generated file raw
 * (issue 10): errors show them escaped, generated code carries them escaped in strings and comments.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../generator/load/load.js";
import { SpecError, terminalSafe } from "../../generator/load/spec-error.js";
import { generateApi } from "../../generator/pipeline.js";

const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe("terminalSafe", () => {
  it.each([
    ["ANSI colour", "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"],
    ["NUL", "a\x00b", "a\\x00b"],
    ["a forged second line", "bad\n  → run rm -rf", "bad\\x0a  → run rm -rf"],
    ["C1 CSI", "\x9b2J", "\\x9b2J"],
    ["line separator", "a\u2028b", "a\\u2028b"],
    ["tabs and text stay", "a\tb é 联", "a\tb é 联"],
  ])("%s", (_name, input, want) => expect(terminalSafe(input)).toBe(want));
});

async function spec(text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "contactgen-ctrl-")), "api.json");
  await writeFile(file, text);
  return file;
}

describe("spec text with control characters", () => {
  it("is escaped in a loader error", async () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/a\u001b[2J\u0000": { get: { responses: { "200": { $ref: "#/components/responses/\u001b[31mNope" } } } },
      },
    };
    const error = await loadDocument(await spec(JSON.stringify(doc))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const message = (error as SpecError).message;
    expect(message).toContain("\\x1b[2J");
    expect(message.replace("\n  → ", "")).not.toMatch(RAW_CONTROL);
  });

  it("is escaped in every generated file", async () => {
    const evil = "\u001b[31mred\u0000\u009b2J";
    const doc = {
      openapi: "3.1.0",
      info: { title: `API ${evil}`, version: "1", description: evil },
      paths: {
        "/a": {
          get: {
            operationId: `get${evil}`,
            summary: evil,
            description: `line one\n${evil}`,
            tags: [evil],
            parameters: [
              { name: `q${evil}`, in: "query", description: evil, schema: { type: "string", enum: [evil] } },
            ],
            responses: {
              "200": {
                description: evil,
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      description: evil,
                      properties: { [evil]: { type: "string", default: evil } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const { files } = await generateApi(await spec(JSON.stringify(doc)), "ctrl");
    for (const file of files)
      expect([file.path, RAW_CONTROL.exec(file.contents)?.index]).toEqual([file.path, undefined]);
  });
});
