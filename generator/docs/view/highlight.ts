/**
 * Syntax colouring for the TypeScript snippets without a browser script: TypeScript's own scanner splits the
 * code into tokens with a CSS class each; the template escapes every token's text.
 */
import ts from "typescript";

export interface Token {
  text: string;
  kind?: "keyword" | "string" | "number" | "comment" | "name";
}

export function highlight(code: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const text = scanner.getTokenText();
    const last = tokens[tokens.length - 1];
    const cls = classify(kind);
    if (last && last.kind === cls) last.text += text;
    else tokens.push(cls ? { text, kind: cls } : { text });
  }
  // The scanner cannot lose text; if it ever did, show the code plain rather than a corrupted version.
  return tokens.map((t) => t.text).join("") === code ? tokens : [{ text: code }];
}

function classify(kind: ts.SyntaxKind): Token["kind"] {
  if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) return "string";
  if (kind === ts.SyntaxKind.NumericLiteral) return "number";
  if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) return "comment";
  if (kind >= ts.SyntaxKind.FirstKeyword && kind <= ts.SyntaxKind.LastKeyword) return "keyword";
  if (kind === ts.SyntaxKind.Identifier) return "name";
  return undefined;
}

/** The curl samples: single-quoted words are strings, `curl` and flags keywords; nothing else is coloured. */
export function highlightShell(code: string): Token[] {
  const tokens: Token[] = [];
  for (const match of code.matchAll(/'(?:[^']|'\\'')*'|(?<=^|\s)(?:curl|--?[A-Za-z-]+)(?=\s)|[^'\s-]+|\s+|-/g)) {
    const text = match[0];
    const kind: Token["kind"] = text.startsWith("'")
      ? "string"
      : /^(curl|-)/.test(text) && text !== "-"
        ? "keyword"
        : undefined;
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push(kind ? { text, kind } : { text });
  }
  return tokens.map((t) => t.text).join("") === code ? tokens : [{ text: code }];
}
