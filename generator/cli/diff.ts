/**
 * `contactgen diff <api>`: what a spec change (git ref → working tree) breaks for client users.
 * Exit codes: 0 nothing breaking (or --allow-breaking), 1 breaking changes, 2 bad input.
 */
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringOption, UsageError, type ParsedArgs } from "./args.js";
import type { DiffReport } from "../diff/report.js";
import { CONFIG_OPTION, type Command } from "./command.js";
import { readConfig } from "./config.js";

type DiffModules = [
  typeof import("../diff/run.js"),
  typeof import("../diff/changelog.js"),
  typeof import("../diff/report.js"),
];

async function reportFor(api: string, values: ParsedArgs["values"], modules: DiffModules): Promise<DiffReport> {
  const project = stringOption(values, "project");
  const config = stringOption(values, "config");
  try {
    return await modules[0].runDiff({
      api,
      base: stringOption(values, "base") ?? "HEAD",
      specOnly: values["spec-only"] === true,
      ...(project ? { project } : {}),
      ...(config ? { config } : {}),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // A ref that is not a commit, a spec that does not load: bad input, exit 2 (1 means "breaking").
    throw new UsageError(error instanceof Error ? error.message : String(error), false);
  }
}

/** Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): one section per API, the report as text. */
function summarySection(report: DiffReport, text: string, breaking: boolean): string {
  const verdict = breaking ? "breaking" : report.changes.length > 0 ? "not breaking" : "no changes";
  return `### ${report.api}: ${verdict}\n\n\`\`\`\`text\n${text.trimEnd()}\n\`\`\`\`\n\n`;
}

async function run({ values, positionals }: ParsedArgs): Promise<number> {
  const all = values.all === true;
  if (all === (positionals.length === 1))
    throw new UsageError(all ? "--all takes no API name" : "missing argument: <api>");
  const modules: DiffModules = await Promise.all([
    import("../diff/run.js"),
    import("../diff/changelog.js"),
    import("../diff/report.js"),
  ]);
  const [, { changelogSection, mergeChangelog }, { formatReport, isBreaking }] = modules;
  const names = all ? (await readConfig(stringOption(values, "config"))).apis.map((a) => a.name) : positionals;
  const summaryFile = stringOption(values, "summary");
  let breaking = false;
  for (const api of names) {
    const report = await reportFor(api, values, modules);
    const text = formatReport(report);
    breaking ||= isBreaking(report);
    if (summaryFile) await appendFile(summaryFile, summarySection(report, text, isBreaking(report)));
    if (values.changelog) {
      const section = changelogSection(report);
      if (values.write) {
        const file = path.join("changelogs", `${api}.md`);
        await mkdir("changelogs", { recursive: true });
        const existing = await readFile(file, "utf8").catch(() => undefined);
        await writeFile(file, mergeChangelog(existing, api, section));
        process.stderr.write(`wrote ${file}\n`);
      } else process.stdout.write(section);
    } else if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(text);
  }
  return breaking && !values["allow-breaking"] ? 1 : 0;
}

export const diffCommand: Command = {
  spec: {
    name: "diff",
    summary:
      "Report what a spec change breaks for client users (wire and calling code), the semver bump and a changelog. Exit 1 when breaking.",
    usage: [
      "<api> [--base REF] [--json] [--allow-breaking] [--project DIR] [--changelog [--write]] [--spec-only]",
      "--all [--base REF] [--summary FILE] [--allow-breaking]",
    ],
    positionals: { min: 0, max: 1 },
    options: {
      base: { type: "string", value: "REF", default: "HEAD", help: "git ref holding the old spec" },
      json: { type: "boolean", help: "print the report as JSON" },
      "allow-breaking": { type: "boolean", help: "exit 0 even when the change is breaking" },
      project: {
        type: "string",
        value: "DIR",
        help: "also type-check this TypeScript project's calls against both clients",
      },
      changelog: { type: "boolean", help: "print a changelog section instead of the report" },
      write: { type: "boolean", help: "with --changelog: merge the section into changelogs/<api>.md" },
      "spec-only": { type: "boolean", help: "compare the documents only (skip generating both clients)" },
      all: { type: "boolean", help: "every configured API, one report after another" },
      summary: {
        type: "string",
        value: "FILE",
        help: "also append the reports as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)",
      },
      config: CONFIG_OPTION,
    },
  },
  run,
};
