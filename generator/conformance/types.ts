/** What the conformance engine works with: options, request parts, exchanges on the wire, findings. */

export const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "response_headers_conformance",
  "positive_data_acceptance",
  "negative_data_rejection",
  "ignored_auth",
  "use_after_free",
  "ensure_resource_availability",
  "pagination",
] as const;

export type CheckName = (typeof CHECKS)[number];

export interface Options {
  /** An API of generator.config.json, or a document. */
  api?: string;
  spec?: string;
  /** Base URL of the server under test; without it the mock is started on a free loopback port. */
  server?: string;
  /** Security scheme name (components.securitySchemes) → credential (token, key, or `user:password`). */
  auth: Record<string, string>;
  headers: Record<string, string>;
  seed: number;
  maxRequests: number;
  /** Whole-run deadline in seconds. */
  timeLimit: number;
  operations?: string[];
  junit?: string;
  json: boolean;
  dryRun: boolean;
}

/** A request before it is put on the wire: parameter values by name, and a body of one media type. */
export interface Parts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  cookies: Record<string, unknown>;
  body?: unknown;
  mediaType?: string;
}

export interface WireRequest {
  method: string;
  /** Absolute URL, always on the server under test. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Exchange {
  request: WireRequest;
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface Failure {
  operation: string;
  check: CheckName;
  message: string;
  seed: number;
  /** The (shrunk) input, as parts, for humans. */
  input?: Parts;
  /** Ready-to-paste commands reproducing it, in order (stateful checks need more than one). */
  curl: string[];
  status?: number;
  /** More findings of the same operation and check, not printed. */
  similar?: number;
}

/** An operation's outcome: which checks ran, which were not applicable and why. */
export interface OperationResult {
  id: string;
  method: string;
  path: string;
  ran: CheckName[];
  skipped: { check: CheckName; reason: string }[];
  failed: boolean;
}

export interface Result {
  operations: OperationResult[];
  failures: Failure[];
  /** `operation status` keys of the documented responses, and which of them were seen. */
  documentedStatuses: number;
  seenStatuses: number;
  requests: number;
  /** Set when the run stopped early: request budget or time limit. */
  stoppedBy?: string;
  seed: number;
}

/** One judged answer, for callers that want to check the engine's verdicts (the in-suite independent oracle). */
export interface Verdict {
  operation: string;
  exchange: Exchange;
  /** Document fragment of the response schema the body was judged against, when it was. */
  schema?: string;
  /** The engine's findings for this answer (before de-duplication). */
  findings: { check: CheckName; message: string }[];
}
