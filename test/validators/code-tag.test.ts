/**
 * The compiled checks are `Code` (generator/emit/code.ts): a raw string, such as a value read from the document,
 * cannot reach the compiler's code-building surface (the `@ts-expect-error` lines fail `npm run typecheck` if it
 * could), and spec values enter only through safe.ts.
 */
import { describe, expect, it } from "vitest";
import { stringLiteral } from "../../generator/emit/safe.js";
import { ts } from "../../generator/emit/code.js";
import { Compiler } from "../../generator/emit/validators/compiler.js";
import { DOCUMENT_BASE, Registry } from "../../generator/emit/validators/registry.js";

function compile(schema: Record<string, unknown>, document: Record<string, unknown> = {}): string {
  const compiler = new Compiler(new Registry({ openapi: "3.1.0", ...document }), { assertFormats: true });
  const ctx = { base: DOCUMENT_BASE, resource: DOCUMENT_BASE, location: "#" };
  compiler.entry(compiler.sub(schema, ctx, "#", false));
  compiler.drain();
  return [...compiler.declarations, ...compiler.tail].join("\n");
}

describe("validators compiler builds Code", () => {
  it("refuses raw strings where code is built", () => {
    const compiler = new Compiler(new Registry({ openapi: "3.1.0" }), { assertFormats: true });
    const specText: string = "x";
    // @ts-expect-error a string from the document is not Code
    compiler.constant(`new RegExp(${specText})`);
    // @ts-expect-error arguments of a call are Code too
    compiler.call({ name: ts`v0`, resource: DOCUMENT_BASE }, DOCUMENT_BASE, specText);
    const name = compiler.constant(ts`new RegExp(${stringLiteral(specText)})`);
    expect(compiler.declarations.at(-1)).toBe(`const ${name} = new RegExp("x");`);
  });

  it("spec values reach the checks only as escaped literals", () => {
    const key = '"); process.exit(1); ("';
    const code = compile({ type: "object", required: [key], properties: { [key]: { const: "*/`${x}`" } } });
    expect(code).toContain(`d[${JSON.stringify(key)}] === undefined`);
    // The member's one-keyword body is written in place (ADR 0117), for the member's local.
    expect(code).toMatch(/d\d* !== "\*\/`\$\{x\}`"/);
    expect(code).not.toContain("process.exit(1); (d");
  });

  it("checks a type-only member in place, for the member's read", () => {
    const code = compile({ type: "object", properties: { name: { type: "string" }, n: { type: "integer" } } });
    // The type test first: a present member of the right type costs one test (ADR 0117).
    expect(code).toContain('typeof d.name !== "string" && d.name !== undefined && $ty(e, "/name", 0)');
    expect(code).toContain('!Number.isInteger(d.n) && d.n !== undefined && $ty(e, "/n", 2)');
  });

  it("calls a reference's target directly when only annotations sit next to it", () => {
    // `not` keeps Role a function of its own (an in-place applicator is never written into a caller).
    const document = { components: { schemas: { Role: { enum: ["a", "b"], not: { const: "c" } } } } };
    const ref = { $ref: "#/components/schemas/Role" };
    const properties = {
      plain: ref,
      described: { ...ref, description: "d", "x-note": 1 },
      wrapped: { allOf: [ref], description: "d", readOnly: true },
      checked: { allOf: [ref], maxLength: 3 },
    };
    const code = compile({ type: "object", properties }, document);
    const callee = (member: string): string | undefined =>
      new RegExp(`!(v\\w+)\\(d\\.${member}, "/${member}", e\\)`).exec(code)?.[1];
    expect(callee("described")).toBe(callee("plain"));
    expect(callee("wrapped")).toBe(callee("plain"));
    // A keyword that asserts (maxLength) keeps its own function.
    expect(callee("checked")).not.toBe(callee("plain"));
    expect(callee("plain")).toBeDefined();
  });
});
