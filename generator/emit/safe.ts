/**
 * Security boundary: the only place where text from an OpenAPI document becomes TypeScript source.
 * Every function returns code that is inert (it cannot close a comment, a string or a template, nor define a
 * prototype) and keeps the original text recoverable. Emitters must not interpolate spec text any other way.
 */

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

function guard(candidate: string): string {
  let id = candidate.length === 0 ? "_" : candidate;
  if (BAD_START.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/** `x-simple-workspace` → `xSimpleWorkspace`; never a reserved word, never empty, never starts with a digit. */
export function camelCase(text: string): string {
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
export function pascalCase(text: string): string {
  return guard(words(text).map(capitalise).join(""));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A valid, non-reserved identifier that keeps `text` when it already is one (`updateContact`), camelCase otherwise. */
export function identifier(text: string): string {
  return IDENTIFIER.test(text) ? guard(text) : camelCase(text);
}

/** Escapes for the inside of a double-quoted string; JSON.stringify leaves U+2028/U+2029 raw. */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  return escapeStrayControls(
    /[\u2028\u2029]/.test(json) ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json,
  );
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
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** A property access: `.name` or `["x-y"]`. */
export function propertyAccess(name: string): string {
  return IDENTIFIER.test(name) && name !== "__proto__" ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * A JSDoc/TSDoc block. `*\/` cannot close it, line breaks (including U+2028) become comment lines, and `@` at the
 * start of a line is escaped so spec text cannot forge tags such as `@deprecated`.
 */
export function docComment(text: string | undefined, indent = ""): string {
  const lines = docCommentLines(text);
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** Text that needs none of docCommentLines' rewrites (one line, no `*\/`, no leading `@`, no trailing space). */
const PLAIN_LINE = /^(?!\s*@)(?:(?![\r\n\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\*\/).)*\S$/s;
/** Control characters (ANSI escapes, NUL) other than line breaks: written as `\x1b` text in comments. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/**
 * The escaped body lines of docComment (no delimiters, no indentation), for emitters that lay out their own
 * comment — e.g. with tags they write themselves. Empty when the text is empty or blank.
 */
export function docCommentLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  if (PLAIN_LINE.test(text)) return [text];
  if (text.trim() === "") return [];
  const lines = text
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.replace(/\s+$/, "").replace(/^(\s*)@/, "$1\\@"));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** A doc comment from several optional parts (summary, description, tags written by the emitter itself). */
export function docCommentParts(parts: Array<string | undefined>, indent = ""): string {
  return docComment(parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join("\n\n"), indent);
}

/** JSON-compatible value → TypeScript expression. Object keys go through `propertyKey`, strings through `stringLiteral`. */
export function jsonLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${jsonLiteral(v)}`).join(", ")} }`;
  }
  return "null";
}
