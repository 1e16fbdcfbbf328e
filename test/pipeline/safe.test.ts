import { describe, expect, it } from "vitest";
import {
  camelCase,
  docComment,
  identifier,
  jsonLiteral,
  pascalCase,
  propertyKey,
  stringLiteral,
} from "../../generator/emit/safe.js";

/** Evaluates a generated expression the way generated code would, to prove the text survives unchanged. */
function evaluate(expression: string): unknown {
  return new Function(`"use strict"; return (${expression});`)();
}

describe("identifiers", () => {
  it.each([
    ["x-simple-workspace", "xSimpleWorkspace"],
    ["X-Session-Token", "xSessionToken"],
    ["updateContact", "updateContact"],
    ["class", "class_"],
    ["constructor", "constructor_"],
    ["__proto__", "proto"],
    ["123abc", "_123abc"],
    ["", "_"],
    ["*/ ${evil} `", "evil"],
  ])("camelCase(%j) = %j", (given, want) => expect(camelCase(given)).toBe(want));

  it.each([
    ["pylon", "Pylon"],
    ["ctrl hub", "CtrlHub"],
    ["delete", "Delete"],
  ])("pascalCase(%j) = %j", (given, want) => expect(pascalCase(given)).toBe(want));

  it.each([
    ["updateContact", "updateContact"],
    ["delete", "delete_"],
    ["get-board", "getBoard"],
  ])("identifier(%j) = %j", (given, want) => expect(identifier(given)).toBe(want));
});

describe("literals keep hostile text intact and inert", () => {
  const hostile = ["*/", "\"quote'", "`tick` ${1+1}", "</script>", "line\u2028sep\u2029para", "back\\slash", "\r\n"];
  it.each(hostile)("stringLiteral round-trips %j", (text) => {
    expect(evaluate(stringLiteral(text))).toBe(text);
    expect(stringLiteral(text)).not.toMatch(/[\u2028\u2029]/);
  });

  it("propertyKey defines own properties, even __proto__", () => {
    const value = evaluate(
      `{ ${propertyKey("__proto__")}: 1, ${propertyKey("x-y")}: 2, ${propertyKey("ok")}: 3 }`,
    ) as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "x-y", "ok"]);
  });

  it("jsonLiteral reproduces nested values and never sets a prototype", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": [1, "x\u2028", null, {"b": false}]}') as unknown;
    const output = evaluate(jsonLiteral(input)) as Record<string, unknown>;
    expect(output).toEqual(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  });
});

describe("doc comments", () => {
  it.each([
    ["closes */ early", "/** closes *\\/ early */\n"],
    ["two\u2028lines", "/**\n * two\n * lines\n */\n"],
    ["@deprecated forged", "/** \\@deprecated forged */\n"],
    ["   ", ""],
  ])("docComment(%j)", (given, want) => expect(docComment(given)).toBe(want));

  it("a doc comment of hostile text is a single inert comment", () => {
    const comment = docComment("*/ throw new Error('ran') /*\n</script>");
    expect(() => new Function(`${comment} return 1;`)).not.toThrow();
    expect(new Function(`${comment} return 1;`)()).toBe(1);
  });
});
