/**
 * A changelog written by `npm run diff -- <api> --changelog --write` (changelogs/<api>.md) as page data: one entry
 * per `## <version>`, its `### <heading>` sections, breaking ones flagged. The text goes through the same safe
 * Markdown subset as descriptions; a changelog edited by hand in another shape still renders, as paragraphs.
 */
import { clean, Slugger } from "./slug.js";
import { renderText, type Block } from "./text.js";

export interface ChangelogSection {
  title: string;
  breaking: boolean;
  blocks: Block[];
}

export interface ChangelogVersion {
  version: string;
  anchor: string;
  breaking: boolean;
  intro: Block[];
  sections: ChangelogSection[];
}

/** Headings the changelog writer (generator/diff/changelog.ts) uses for changes that break clients. */
const BREAKING = /^(breaking changes|generated client)$/i;

export function changelogPageFile(api: string): string {
  return `${clean(api) || "api"}-changelog.html`;
}

export function parseChangelog(markdown: string): ChangelogVersion[] {
  const text = markdown.replace(/\r\n?/g, "\n");
  const slugs = new Slugger();
  const parts = text.split(/^(?=## )/m).filter((part) => part.startsWith("## "));
  return parts.map((part) => {
    const [heading = "", ...rest] = part.split("\n");
    const version = heading.slice(3).trim();
    const [intro = "", ...sections] = rest.join("\n").split(/^(?=### )/m);
    const parsed = sections.map((section): ChangelogSection => {
      const [title = "", ...body] = section.split("\n");
      const name = title.slice(4).trim();
      return { title: name, breaking: BREAKING.test(name), blocks: renderText(unquote(body.join("\n"))) };
    });
    return {
      version,
      anchor: slugs.slug(version, "v-"),
      breaking: parsed.some((s) => s.breaking && s.blocks.length > 0),
      intro: renderText(unquote(intro)),
      sections: parsed,
    };
  });
}

/** `> note` lines (the version-bump warning) read as plain paragraphs. */
function unquote(text: string): string {
  return text.replace(/^>\s?/gm, "");
}
