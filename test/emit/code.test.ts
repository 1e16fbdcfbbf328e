import { describe, expect, expectTypeOf, it } from "vitest";
import { EMPTY, generatorSource, Imports, join, num, trustedCode, ts, type Code } from "../../generator/emit/code.js";
import { docComment, identifier, jsonLiteral, propertyKey, stringLiteral } from "../../generator/emit/safe.js";

describe("ts tag", () => {
  const cases: Array<[string, { given: () => Code; want: string }]> = [
    ["literal text only", { given: () => ts`export {};\n`, want: "export {};\n" }],
    ["identifier", { given: () => ts`const ${identifier("x-y")} = 1;`, want: "const xY = 1;" }],
    ["string literal", { given: () => ts`f(${stringLiteral('a"*/')})`, want: 'f("a\\"*/")' }],
    ["property key", { given: () => ts`{ ${propertyKey("x-y")}: 1 }`, want: '{ "x-y": 1 }' }],
    ["json", { given: () => ts`${jsonLiteral({ a: [1, "b"] })}`, want: '{ a: [1, "b"] }' }],
    ["number", { given: () => ts`${num(-1.5)}`, want: "-1.5" }],
    ["nested", { given: () => ts`[${ts`${num(1)}`}]`, want: "[1]" }],
    ["join", { given: () => join([num(1), num(2), ts`x`], ", "), want: "1, 2, x" }],
    ["empty join", { given: () => join([], " | "), want: "" }],
    ["EMPTY", { given: () => ts`a${EMPTY}b`, want: "ab" }],
    ["doc comment", { given: () => docComment("a */ b"), want: "/** a *\\/ b */\n" }],
    ["escapes stay escaped", { given: () => ts`${"\\n" as Code}`, want: "\\n" }],
    ["cooked template text", { given: () => ts`a\nb`, want: "a\nb" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(given()).toBe(want);
  });

  it("refuses non-finite numbers and non-space indentation", () => {
    expect(() => num(Number.NaN)).toThrow(/finite/);
    expect(() => docComment("x", "*/")).toThrow(/indent/);
  });

  it("is a plain string at run time (the brand costs nothing)", () => {
    expect(typeof ts`x`).toBe("string");
    expect(trustedCode("a")).toBe("a");
    expect(generatorSource("b")).toBe("b");
  });
});

describe("the safe.ts rule is a type error", () => {
  it("rejects raw strings, numbers and computed separators", () => {
    const specText: string = "x */ y";
    const separator: string = ", ";
    // @ts-expect-error a raw string from the document cannot be spliced
    expect(ts`const a = ${specText};`).toBe("const a = x */ y;");
    // @ts-expect-error numbers go through num()
    expect(ts`${1}`).toBe("1");
    // @ts-expect-error a separator must be a literal written in the emitter
    expect(join([ts`a`, ts`b`], separator)).toBe("a, b");
    // @ts-expect-error a string is not Code
    const notCode: Code = specText;
    expect(notCode).toBe(specText);
    expectTypeOf(identifier("a")).toEqualTypeOf<Code>();
    expectTypeOf(stringLiteral("a")).toEqualTypeOf<Code>();
    expectTypeOf(ts`a`).toMatchTypeOf<string>();
  });
});

describe("Imports", () => {
  it("collects what the body uses and renders sorted, type-only where possible", () => {
    const imports = new Imports();
    const body = ts`${imports.value("./client.js", "createPylonClient")}(); let p: ${imports.type("./types.js", "paths")};`;
    imports.type("./client.js", "PylonClient");
    imports.type("./types.js", "components");
    imports.value("./client.js", "createPylonClient");
    expect(body).toBe("createPylonClient(); let p: paths;");
    expect(imports.render()).toBe(
      'import { createPylonClient, type PylonClient } from "./client.js";\n' +
        'import type { components, paths } from "./types.js";\n',
    );
  });

  it("a value use wins over a type use of the same name", () => {
    const imports = new Imports();
    imports.type("m", "A");
    imports.value("m", "A");
    expect(imports.render()).toBe('import { A } from "m";\n');
  });

  it("renders nothing when nothing was used, and refuses what is not an identifier", () => {
    const imports = new Imports();
    expect(imports.render()).toBe("");
    expect(() => imports.value("./x.js", "a-b")).toThrow(/identifier/);
    expect(() => imports.value('./x.js"; evil', "a")).toThrow(/module specifier/);
  });
});
