/** The option table of `contactgen conformance`: its help (generator/cli) and its parser (./args.ts) read it. */
import type { CommandSpec } from "../cli/args.js";

export const CONFORMANCE_SPEC: CommandSpec = {
  name: "conformance",
  summary:
    "Contract-test a server (or the mock) against the document: responses, negative, auth, lifecycle, pagination.",
  usage: ["<api> [--server URL] [options]", "--spec FILE [--server URL] [options]"],
  positionals: { min: 0, max: 1 },
  options: {
    spec: { type: "string", value: "FILE", help: "the OpenAPI document to test against (instead of an <api>)" },
    server: {
      type: "string",
      value: "URL",
      help: "base URL of the server under test (its base path included); without it the mock is started on a free 127.0.0.1 port and tested",
    },
    auth: {
      type: "string",
      value: "SCHEME=VALUE",
      multiple: true,
      help: "credential for a security scheme of the document (repeatable); basic: user:password",
    },
    header: { type: "string", value: '"Name: v"', multiple: true, help: "sent with every request (repeatable)" },
    seed: { type: "string", value: "N", help: "fast-check seed (default 1); the same seed sends the same requests" },
    "max-requests": { type: "string", value: "N", help: "request budget (default 2000)" },
    "time-limit": { type: "string", value: "S", help: "whole-run deadline in seconds (default 300)" },
    operations: { type: "string", value: "a,b", help: "only these operationIds" },
    junit: { type: "string", value: "FILE", help: "write a JUnit XML report" },
    json: { type: "boolean", help: "print the result as JSON instead of text" },
    "dry-run": { type: "boolean", help: "list the plan, send nothing" },
  },
};
