/**
 * Doc comments with openapi-typescript's content (title, summary, Format, @deprecated, @description, @default,
 * @example, @constant, @enum). Every piece of spec text goes through safe.ts's docCommentLines first, so it cannot
 * close the comment or forge a tag; only the tags written here start a line with `@`.
 */
import { prefixLine, tagLine, type CommentLine } from "../../code.js";
import { docCommentLines } from "../../safe.js";

/** First line after the tag, continuation lines indented as openapi-typescript does. */
function tagged<S extends string>(tag: string extends S ? never : S, value: string): CommentLine[] {
  const [first, ...rest] = docCommentLines(value);
  return [
    first === undefined ? tagLine(tag) : prefixLine(tag, first),
    ...rest.map((l) => (l === "" ? l : prefixLine("    ", l))),
  ];
}

const serialise = (value: unknown) =>
  typeof value === "object" && value !== null ? JSON.stringify(value, null, 2) : String(value);

/** Comment lines for a schema, parameter, operation, response… (empty when it documents nothing). */
export function docLines(node: unknown): CommentLine[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [];
  const o = node as Record<string, unknown>;
  const lines: CommentLine[] = [];
  if (typeof o.title === "string" && o.title) lines.push(...tagged("", o.title.trim()));
  if (typeof o.summary === "string" && o.summary) lines.push(...tagged("", o.summary.trim()));
  if (typeof o.format === "string" && o.format) lines.push(...tagged("Format: ", o.format));
  if (o.deprecated) lines.push(tagLine("@deprecated"));
  if (o.description !== undefined && o.description !== "")
    lines.push(...tagged("@description ", serialise(o.description).trim()));
  if (o.default !== undefined) lines.push(...tagged("@default ", serialise(o.default).trim()));
  if (o.example !== undefined) lines.push(...tagged("@example ", serialise(o.example).trim()));
  if (Array.isArray(o.examples)) for (const e of o.examples) lines.push(...tagged("@example ", serialise(e).trim()));
  if ("const" in o) lines.push(tagLine("@constant"));
  if (o.enum) {
    const type = Array.isArray(o.type) ? o.type.join("|") : typeof o.type === "string" ? o.type : "unknown";
    lines.push(...tagged("@enum ", `{${type}${o.nullable ? "|null" : ""}}`));
  }
  return lines;
}
