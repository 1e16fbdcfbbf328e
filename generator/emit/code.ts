/**
 * The code-building tag: TypeScript text is `Code`, and `Code` only comes from the template's own literal text,
 * from safe.ts (identifiers, keys, string literals, doc comments, JSON values), from `num`, `join`, an `Imports`
 * collector, or another `ts` result. Interpolating a plain `string` (spec text) is a type error, so "spec text
 * reaches generated code only through safe.ts" is checked by the compiler, not by review. Ajv's `_` tag is the
 * model (lib/compile/codegen/code.ts); unlike Ajv, the brand is type-only: `ts` is a plain string join, because the
 * validators and Stripe's types are megabytes of text. See docs/decisions/0136-code-tag.md.
 */

declare const CODE: unique symbol;

/** TypeScript source text that is safe to splice: it was built from code, never from raw spec text. */
export type Code = string & { readonly [CODE]: true };

/** The single cast; everything else in this module builds on it. */
const asCode = (text: string): Code => text as Code;

/**
 * For safe.ts only (a lint rule keeps other modules from importing it): text that safe.ts has just escaped or
 * checked becomes Code here.
 */
export function escapedCode(text: string): Code {
  return asCode(text);
}

export const EMPTY: Code = asCode("");

/** `ts\`const ${name} = ${stringLiteral(value)};\`` — interpolations must be Code. */
export function ts(strings: TemplateStringsArray, ...values: readonly Code[]): Code {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += (values[i] as string) + (strings[i + 1] as string);
  return asCode(out);
}

/** A finite number as a literal (`NaN`/`Infinity` are not literals; they are refused). */
export function num(value: number): Code {
  if (!Number.isFinite(value)) throw new Error(`num(): ${value} is not a finite number literal`);
  return asCode(String(value));
}

/**
 * Codes joined by a separator written in the emitter's source: the separator must be a string literal type, so a
 * `string` read from the document is refused (`join(codes, specText)` does not compile).
 */
export function join<S extends string>(codes: readonly Code[], separator: string extends S ? never : S): Code {
  return asCode(codes.join(separator));
}

/**
 * Text written by another code generator as Code: today only the openapi-typescript types engine, whose output
 * comes from TypeScript's own printer. The compiler cannot check the safe.ts rule there, so every emitter of our own
 * builds with `ts` instead (ADR 0136).
 */
export function trustedCode(text: string): Code {
  return asCode(text);
}

/**
 * Text of contactgen's own TypeScript sources (generator/runtime, copied verbatim into every client). It never
 * holds document text; the runtime emitter is the only caller.
 */
export function generatorSource(text: string): Code {
  return asCode(text);
}

/** Lines of a comment body already escaped by safe.ts (docCommentLines): only valid inside a `/** … *\/` block. */
export type CommentLine = string & { readonly [CODE]: "comment line" };

/** A doc comment laid out from escaped lines, one `/** x *\/` line when there is one line, empty when there is none. */
export function commentBlock(lines: readonly CommentLine[], indent: Code = EMPTY): Code {
  if (lines.length === 0) return EMPTY;
  if (lines.length === 1) return asCode(`${indent}/** ${lines[0] as string} */\n`);
  let out = `${indent}/**\n`;
  for (const line of lines) out += line === "" ? `${indent} *\n` : `${indent} * ${line}\n`;
  return asCode(`${out}${indent} */\n`);
}

/** For safe.ts only (lint-enforced, like escapedCode): lines docCommentLines has escaped. */
export function escapedCommentLines(lines: string[]): CommentLine[] {
  return lines as CommentLine[];
}

/**
 * A comment line the emitter writes itself, such as `@deprecated` (which docCommentLines would neutralise in spec
 * text): a string literal type only, and never one that could end the comment.
 */
export function tagLine<S extends string>(line: string extends S ? never : S): CommentLine {
  if (/\*\/|[\r\n\u2028\u2029]/.test(line)) throw new Error(`tagLine: "${line}" would break the comment`);
  return line as string as CommentLine;
}

/** `prefix` + an escaped line (`@default ` + value, continuation indentation): still one safe comment line. */
export function prefixLine<S extends string>(prefix: string extends S ? never : S, line: CommentLine): CommentLine {
  const joined = (tagLine(prefix) as string) + (line as string);
  if (prefix.endsWith("*") && line.startsWith("/")) throw new Error(`prefixLine: "${prefix}" would end the comment`);
  return joined as CommentLine;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Imports collected while the body is built: `imports.type("./types.js", "paths")` returns the name as Code and
 * records the import, so a file imports exactly what its text uses (no regex over the text afterwards).
 * Modules render in first-use order, values before types, each sorted; a module whose names are all types becomes `import type`.
 */
export class Imports {
  private readonly modules = new Map<string, Map<string, boolean>>();

  value(from: string, name: string): Code {
    return this.add(from, name, false);
  }

  type(from: string, name: string): Code {
    return this.add(from, name, true);
  }

  get size(): number {
    return this.modules.size;
  }

  /** One `import … from "…";` line per module, each ending in a newline; empty when nothing was used. */
  render(): Code {
    let out = "";
    for (const [from, names] of this.modules) {
      // Values first, then types, each in code-unit order (locale-free, so the same on every machine).
      const sorted = [...names.entries()].sort(([a, aType], [b, bType]) =>
        aType !== bType ? (aType ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0,
      );
      const allTypes = sorted.every(([, isType]) => isType);
      const list = sorted.map(([name, isType]) => (isType && !allTypes ? `type ${name}` : name)).join(", ");
      out += `import ${allTypes ? "type " : ""}{ ${list} } from ${JSON.stringify(from)};\n`;
    }
    return asCode(out);
  }

  private add(from: string, name: string, isType: boolean): Code {
    // Names and module paths are the emitter's own words; a non-identifier means an emitter bug, not bad input.
    if (!IDENTIFIER.test(name)) throw new Error(`Imports: "${name}" is not an identifier`);
    if (!/^[\w./@-]+$/.test(from)) throw new Error(`Imports: "${from}" is not a module specifier`);
    const names = this.modules.get(from) ?? new Map<string, boolean>();
    this.modules.set(from, names);
    // A name used once as a value needs the value import, even if other uses were type-only.
    names.set(name, (names.get(name) ?? true) && isType);
    return asCode(name);
  }
}
