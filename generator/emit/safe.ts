/**
 * Security boundary: the only place where text from an OpenAPI document becomes TypeScript source.
 * Every function returns code that is inert (it cannot close a comment, a string or a template, nor define a
 * prototype) and keeps the original text recoverable. Emitters must not interpolate spec text any other way.
 */
import { commentBlock, escapedCode, escapedCommentLines, type Code, type CommentLine } from "./code.js";

export type { Code } from "./code.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield await any boolean number string " +
    "symbol type from of undefined unknown never object bigint declare module namespace require arguments eval " +
    "constructor prototype __proto__ toString valueOf hasOwnProperty"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Line terminators JavaScript knows, including the two JSON does not escape. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Letters of any script are kept (`Café` → `café`, `联系人` stays), so two non-ASCII names never collapse into the
 * same `_`; everything here is a JavaScript identifier character (ID_Continue). For ASCII text this splits exactly
 * as `[^A-Za-z0-9]+` did.
 */
const NOT_WORD = /[^\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}]+/u;
/** A first character that may not start an identifier (a digit of any script, a combining mark). */
const BAD_START = /^[^\p{L}\p{Nl}_$]/u;

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(NOT_WORD)
    .filter((w) => w.length > 0);
}

function guard(candidate: string): Code {
  let id = candidate.length === 0 ? "_" : candidate;
  if (BAD_START.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return escapedCode(id);
}

/** `x-simple-workspace` → `xSimpleWorkspace`; never a reserved word, never empty, never starts with a digit. */
export function camelCase(text: string): Code {
  const parts = words(text);
  const joined = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalise(w))).join("");
  return guard(joined);
}

/**
 * A camelCase member name for object properties and method names (`contacts.delete`): reserved words are valid
 * there, so they are kept; emit it with `propertyKey`/`propertyAccess`.
 */
export function memberName(text: string): string {
  const joined = words(text)
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalise(w)))
    .join("");
  if (joined.length === 0) return "_";
  return BAD_START.test(joined) ? `_${joined}` : joined;
}

/** `contact update` → `ContactUpdate`. */
export function pascalCase(text: string): Code {
  return guard(words(text).map(capitalise).join(""));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A valid, non-reserved identifier that keeps `text` when it already is one (`updateContact`), camelCase otherwise. */
export function identifier(text: string): Code {
  return IDENTIFIER.test(text) ? guard(text) : camelCase(text);
}

/**
 * The literals written so far: Stripe's emitters ask for ~93,000, of ~11,000 distinct texts (keyword names, messages,
 * member names). Bounded, so a long `--watch` session does not keep every text it ever saw.
 */
const literals = new Map<string, Code>();
const MAX_LITERALS = 100_000;

/** Escapes for the inside of a double-quoted string; JSON.stringify leaves U+2028/U+2029 raw. */
export function stringLiteral(text: string): Code {
  let literal = literals.get(text);
  if (literal === undefined) {
    const json = JSON.stringify(text);
    literal = escapedCode(
      escapeStrayControls(
        /[\u2028\u2029]/.test(json) ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json,
      ),
    );
    if (literals.size >= MAX_LITERALS) literals.clear();
    literals.set(text, literal);
  }
  return literal;
}

/**
 * DEL and the C1 controls (U+007F–U+009F; U+009B starts an ANSI sequence on some terminals) pass JSON.stringify raw.
 * As `\u00XX` they mean the same in every string, template and regular expression literal, and are plain text in a
 * comment; they cannot occur anywhere else in valid source. So any generated file (validators from Ajv included)
 * can be passed through this last.
 */
export function escapeStrayControls(source: string): string {
  // The test first: most text has none, and the replace would copy it.
  return /[\x7f-\x9f]/.test(source)
    ? source.replace(/[\x7f-\x9f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
    : source;
}

/**
 * A property name for object literals and type literals. `__proto__` is written computed, because both
 * `{ __proto__: x }` and `{ "__proto__": x }` set the prototype instead of defining a property.
 */
export function propertyKey(name: string): Code {
  if (name === "__proto__") return escapedCode(`[${stringLiteral(name)}]`);
  return IDENTIFIER.test(name) ? escapedCode(name) : stringLiteral(name);
}

/** A property access: `.name` or `["x-y"]`. */
export function propertyAccess(name: string): Code {
  return escapedCode(IDENTIFIER.test(name) && name !== "__proto__" ? `.${name}` : `[${stringLiteral(name)}]`);
}

/**
 * A JSDoc/TSDoc block. `*\/` cannot close it, line breaks (including U+2028) become comment lines, and `@` at the
 * start of a line is escaped so spec text cannot forge tags such as `@deprecated`.
 */
export function docComment(text: string | undefined, indent = ""): Code {
  // Indentation is the emitter's layout, never document text: anything but spaces and tabs is refused.
  if (!/^[ \t]*$/.test(indent)) throw new Error("docComment: indent must be spaces or tabs");
  return commentBlock(docCommentLines(text), escapedCode(indent));
}

/** Text that needs none of docCommentLines' rewrites (one line, no `*\/`, no leading `@`, no trailing space). */
const PLAIN_LINE = /^(?!\s*@)(?:(?![\r\n\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\*\/).)*\S$/s;
/** Control characters (ANSI escapes, NUL) other than line breaks: written as `\x1b` text in comments. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/**
 * The escaped body lines of docComment (no delimiters, no indentation), for emitters that lay out their own
 * comment — e.g. with tags they write themselves. Empty when the text is empty or blank.
 */
export function docCommentLines(text: string | undefined): CommentLine[] {
  if (text === undefined) return [];
  if (PLAIN_LINE.test(text)) return escapedCommentLines([text]);
  if (text.trim() === "") return [];
  const lines = text
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^(\s*)@/, "$1\\@"));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return escapedCommentLines(lines);
}

/** A doc comment from several optional parts (summary, description, tags written by the emitter itself). */
export function docCommentParts(parts: Array<string | undefined>, indent = ""): Code {
  return docComment(parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join("\n\n"), indent);
}

/** JSON-compatible value → TypeScript expression. Object keys go through `propertyKey`, strings through `stringLiteral`. */
export function jsonLiteral(value: unknown): Code {
  if (value === null || value === undefined) return escapedCode("null");
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return escapedCode(Number.isFinite(value) ? String(value) : "null");
  if (typeof value === "boolean") return escapedCode(String(value));
  if (Array.isArray(value)) return escapedCode(`[${value.map(jsonLiteral).join(", ")}]`);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return escapedCode("{}");
    return escapedCode(`{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${jsonLiteral(v)}`).join(", ")} }`);
  }
  return escapedCode("null");
}
