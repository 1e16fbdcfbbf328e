/**
 * Descriptions are CommonMark in OpenAPI. We render a small, safe subset (paragraphs, bullet lists, fenced code,
 * inline code, bold) by parsing it into plain data that the templates HTML-escape; raw HTML in a description is
 * never passed through, so `<img onerror>` shows as text. Anything else Markdown can express stays readable text.
 */

export interface Inline {
  text: string;
  code?: boolean;
  strong?: boolean;
}

export interface Block {
  paragraph?: Inline[];
  list?: Inline[][];
  pre?: string;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

export function renderText(text: string | undefined): Block[] {
  if (text === undefined) return [];
  const lines = text.replace(/\r\n|[\r\u2028\u2029]/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ paragraph: inlines(paragraph.join(" ")) });
    if (list) blocks.push({ list: list.map(inlines) });
    paragraph = [];
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(fence[1] as string); i++)
        body.push(lines[i] as string);
      blocks.push({ pre: body.join("\n") });
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push((bullet[1] as string).trim());
    } else if (list && /^\s+/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Splits `code` spans first (their content is literal), then `**bold**` in the remaining text. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  const parts = text.split(/(`[^`]+`)/);
  for (const part of parts) {
    if (part === "") continue;
    if (part.length > 2 && part.startsWith("`") && part.endsWith("`")) {
      out.push({ text: part.slice(1, -1), code: true });
      continue;
    }
    for (const piece of part.split(/(\*\*[^*]+\*\*)/)) {
      if (piece === "") continue;
      if (piece.length > 4 && piece.startsWith("**") && piece.endsWith("**"))
        out.push({ text: piece.slice(2, -2), strong: true });
      else out.push({ text: piece });
    }
  }
  return out;
}

/** First sentence-ish line of a description, for compact listings. */
export function firstLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text.trim().split(/\n/)[0]?.trim();
  return line === "" ? undefined : line;
}
