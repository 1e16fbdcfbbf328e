/**
 * A JSON value as a readable, multi-line TypeScript expression. Keys and strings go through the safe helpers,
 * the project's only route from spec text to TypeScript; this module only adds line breaks and indentation.
 */
import { jsonLiteral, propertyKey, stringLiteral } from "../../emit/safe.js";

const INLINE_WIDTH = 60;

export function tsValue(value: unknown, indent = ""): string {
  const inline = jsonLiteral(value);
  if (inline.length <= INLINE_WIDTH || value === null || typeof value !== "object") return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${tsValue(v, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${tsValue(v, inner)},`).join("\n")}\n${indent}}`;
}

/** An object literal from already-rendered TypeScript expressions (`{ query: { limit: 1 } }`). */
export function tsObject(entries: Array<[key: string, code: string]>, indent = ""): string {
  if (entries.length === 0) return "{}";
  const parts = entries.map(([k, code]) => `${propertyKey(k)}: ${code}`);
  const inline = `{ ${parts.join(", ")} }`;
  if (inline.length <= INLINE_WIDTH && !inline.includes("\n")) return inline;
  return `{\n${parts.map((p) => `${indent}  ${p},`).join("\n")}\n${indent}}`;
}

export { stringLiteral };
