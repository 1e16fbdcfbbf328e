/**
 * The one `contactgen` command: help on every command, --version, one-line usage errors with exit 2 and no stack
 * trace, and the npm scripts being aliases of it. Most cases run in-process (main() with captured output); the
 * bin and one npm alias are spawned once each, as a user runs them.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { helpText } from "../../generator/cli/args.js";
import { COMMANDS, main } from "../../generator/cli/main.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let out = "";
let err = "";
beforeEach(() => {
  out = err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const names = COMMANDS.map((c) => c.spec.name);

describe("contactgen --help and --version", () => {
  it.each(names)("%s --help prints its usage and every option, exit 0", async (name) => {
    const command = COMMANDS.find((c) => c.spec.name === name)!;
    expect(await main([...name.split(" "), "--help"])).toBe(0);
    expect(out).toContain(`usage: contactgen ${name} `);
    for (const option of Object.keys(command.spec.options)) expect(out).toContain(`--${option}`);
    expect(err).toBe("");
  });

  it("conformance --help lists exactly the options its own reader takes (issue 14's parser, issue 15's help)", async () => {
    const conformance = COMMANDS.find((c) => c.spec.name === "conformance")!;
    expect(await main(["conformance", "--help"])).toBe(0);
    expect(out).toBe(helpText(conformance.spec));
    // The reader parses with the same table (conformance/command-spec.ts): every option it lists is read.
    const { parseArgs } = await import("../../generator/conformance/args.js");
    const argv = ["--spec", "a.yaml", "--server", "http://h", "--auth", "k=v", "--header", "X-A: b", "--seed", "3"];
    argv.push(
      "--max-requests",
      "5",
      "--time-limit",
      "7",
      "--operations",
      "a,b",
      "--junit",
      "j.xml",
      "--json",
      "--dry-run",
    );
    const given = argv.filter((a) => a.startsWith("--")).map((a) => a.slice(2));
    expect(given.sort()).toEqual(Object.keys(conformance.spec.options).sort());
    expect(parseArgs(argv)).toEqual({
      spec: "a.yaml",
      server: "http://h",
      auth: { k: "v" },
      headers: { "x-a": "b" },
      seed: 3,
      maxRequests: 5,
      timeLimit: 7,
      operations: ["a", "b"],
      junit: "j.xml",
      json: true,
      dryRun: true,
    });
  });

  it("lists every command on --help, and help <command> is the command's help", async () => {
    expect(await main(["--help"])).toBe(0);
    for (const name of names) expect(out).toContain(`  ${name} `);
    out = "";
    expect(await main(["help", "diff"])).toBe(0);
    expect(out).toContain("usage: contactgen diff <api>");
  });

  it("prints package.json's version", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(await main(["--version"])).toBe(0);
    expect(out).toBe(`${pkg.version}\n`);
  });

  it("shows the overview and exits 2 without a command", async () => {
    expect(await main([])).toBe(2);
    expect(out).toContain("commands:");
  });
});

describe("bad input: one line, usage, exit 2, no stack trace", () => {
  it.each([
    [
      "an unknown command",
      ["frob"],
      /^contactgen: unknown command "frob" \(commands: generate, lint, mock, docs, diff, conformance, pack, bench/,
    ],
    ["an unknown flag", ["generate", "--bogus"], /^contactgen generate: unknown option --bogus$/],
    ["an unknown short flag", ["lint", "-x"], /^contactgen lint: unknown option -x$/],
    ["a missing value", ["mock", "kare", "--port"], /^contactgen mock: --port needs a value \(N\)$/],
    ["a value for a switch", ["generate", "--check=yes"], /^contactgen generate: --check takes no value$/],
    ["a bad port", ["mock", "kare", "--port", "http"], /^contactgen mock: --port must be an integer from 0 to 65535/],
    ["a port out of range", ["docs", "serve", "--port", "70000"], /^contactgen docs serve: --port must be/],
    ["a bad types engine", ["generate", "--types", "tsc"], /^contactgen generate: unknown types engine "tsc"/],
    ["--spec without --out", ["generate", "--spec", "x.yaml"], /^contactgen generate: --spec needs --out DIR$/],
    ["--out without --spec", ["generate", "--out", "x"], /^contactgen generate: --out goes with --spec FILE$/],
    ["a missing positional", ["diff"], /^contactgen diff: missing argument: <api>$/],
    ["an extra positional", ["diff", "kare", "pylon"], /^contactgen diff: unexpected argument "pylon"$/],
    [
      "an unknown API",
      ["mock", "nope"],
      /^contactgen mock: unknown API "nope" \(generator\.config\.json lists: ctrlhub, emnify/,
    ],
    ["an unknown benchmark", ["bench", "nope"], /^contactgen bench: unknown benchmark\(s\): nope; available: /],
    [
      "conformance: an unknown flag",
      ["conformance", "pylon", "--bogus"],
      /^contactgen conformance: unknown option --bogus$/,
    ],
    [
      "conformance: a bad seed",
      ["conformance", "pylon", "--seed", "x"],
      /^contactgen conformance: --seed needs an integer/,
    ],
  ])("%s", async (_name, argv, first) => {
    expect(await main(argv)).toBe(2);
    const lines = err.trimEnd().split("\n");
    expect(lines[0]).toMatch(first);
    expect(lines[1]).toMatch(/^usage: contactgen /);
    expect(err).not.toMatch(/^\s+at /m);
    expect(out).toBe("");
  });

  it("a config that is not valid against the schema names the file and the place, without usage", async () => {
    expect(await main(["lint", "--config", "test/fixtures/cli/bad.config.json"])).toBe(2);
    expect(err).toBe(
      'contactgen lint: test/fixtures/cli/bad.config.json: apis[0]: "spec" is required; apis[0]: unknown property "specs" (allowed: name, spec, package, addEmitters) (schema: generator.config.schema.json)\n',
    );
  });
});

describe("the bin and the npm aliases", () => {
  it("bin/contactgen.mjs is package.json's bin and runs a command", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.bin).toEqual({ contactgen: "bin/contactgen.mjs" });
    for (const [script, command] of [
      ["generate", "generate"],
      ["lint:specs", "lint"],
      ["mock", "mock"],
      ["docs", "docs"],
      ["docs:serve", "docs serve"],
      ["diff", "diff"],
      ["conformance", "conformance"],
      ["pack:sdk", "pack"],
      ["bench", "bench"],
    ])
      expect(pkg.scripts[script!]).toBe(`node bin/contactgen.mjs ${command}`);
    const { stdout } = await run(process.execPath, ["bin/contactgen.mjs", "lint", "--help"], { cwd: ROOT });
    expect(stdout).toContain("usage: contactgen lint [FILE...]");
  });

  it("a usage error from the bin exits 2 with one line and usage (no Node stack trace)", async () => {
    const failure = await run(process.execPath, ["bin/contactgen.mjs", "diff", "--nope"], { cwd: ROOT }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(
      "contactgen diff: unknown option --nope\n" +
        "usage: contactgen diff <api> [--base REF] [--json] [--allow-breaking] [--project DIR] [--changelog [--write]] [--spec-only]\n" +
        "       contactgen diff --all [--base REF] [--summary FILE] [--allow-breaking]\n" +
        "(contactgen diff --help for details)\n",
    );
  });
});
