/**
 * Response checks that need no state: never a 5xx, a documented status, a documented content type, a body valid
 * against its schema, the required headers present and valid. The schema engine is the mock's (one per document).
 */
import { essence, kindOf, selectMedia } from "../mock/media.js";
import { responseFor } from "../mock/respond.js";
import type { MockOperation, MockResponse } from "../mock/operation-types.js";
import type { SchemaRegistry } from "../mock/schemas.js";
import type { CheckName, Exchange } from "./types.js";

export interface Finding {
  check: CheckName;
  message: string;
}

export const RESPONSE_CHECKS: CheckName[] = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "response_headers_conformance",
];

/** The documented status key an answer falls under (`200`, `4XX`, `default`), if any. */
export function documentedKey(op: MockOperation, status: number): string | undefined {
  return responseFor(op, status)?.status;
}

/** The schema (document fragment) a JSON answer was judged against, if any: what an outside judge must agree on. */
export function judgedSchema(op: MockOperation, exchange: Exchange): string | undefined {
  const response = responseFor(op, exchange.status);
  const contentType = exchange.headers["content-type"];
  if (!response || !contentType || exchange.text.length === 0 || kindOf(contentType) !== "json") return undefined;
  return selectMedia(response.content, contentType)?.schema;
}

export function judgeResponse(registry: SchemaRegistry, op: MockOperation, exchange: Exchange): Finding[] {
  const findings: Finding[] = [];
  const { status } = exchange;
  if (status >= 500) findings.push({ check: "not_a_server_error", message: `the server answered ${status}` });
  const response = responseFor(op, status);
  // A 5xx is reported as a server error; it is not also reported as undocumented.
  if (!response && status < 500) {
    const documented = op.responses.map((r) => r.status).join(", ");
    findings.push({
      check: "status_code_conformance",
      message: `status ${status} is not documented for ${op.id} (documented: ${documented || "none"})`,
    });
    return findings;
  }
  if (!response) return findings;
  findings.push(...bodyFindings(registry, response, exchange));
  findings.push(...headerFindings(registry, response, exchange));
  return findings;
}

function bodyFindings(registry: SchemaRegistry, response: MockResponse, exchange: Exchange): Finding[] {
  const contentType = exchange.headers["content-type"];
  if (exchange.text.length === 0) return [];
  if (response.content.length === 0) {
    return [
      {
        check: "content_type_conformance",
        message: `a ${contentType ?? "untyped"} body where ${response.status} documents none`,
      },
    ];
  }
  const documented = response.content.map((m) => m.mediaType).join(", ");
  if (!contentType)
    return [{ check: "content_type_conformance", message: `no Content-Type; documented: ${documented}` }];
  const media = selectMedia(response.content, contentType);
  if (!media) {
    return [
      {
        check: "content_type_conformance",
        message: `Content-Type ${essence(contentType)} is not documented for ${response.status} (documented: ${documented})`,
      },
    ];
  }
  if (!media.schema || kindOf(contentType) !== "json") return [];
  let body: unknown;
  try {
    body = JSON.parse(exchange.text) as unknown;
  } catch (error) {
    return [{ check: "response_schema_conformance", message: `malformed JSON: ${(error as Error).message}` }];
  }
  const issues = registry.check(media.schema, { direction: "response", prefix: "" }).run(body).issues;
  if (issues.length === 0) return [];
  const listed = issues.slice(0, 3).map((i) => `${i.path || "/"} ${i.message}`);
  return [
    {
      check: "response_schema_conformance",
      message: `the ${response.status} body does not match its schema: ${listed.join("; ")}${issues.length > 3 ? ` (+${issues.length - 3})` : ""}`,
    },
  ];
}

function headerFindings(registry: SchemaRegistry, response: MockResponse, exchange: Exchange): Finding[] {
  const findings: Finding[] = [];
  for (const header of response.headers) {
    const value = exchange.headers[header.name.toLowerCase()];
    if (value === undefined) {
      if (header.required)
        findings.push({
          check: "response_headers_conformance",
          message: `required header ${header.name} is missing from the ${exchange.status} answer`,
        });
      continue;
    }
    if (!header.schema) continue;
    const issues = registry
      .check(header.schema, { direction: "request", coerce: true, prefix: `/headers/${header.name}` })
      .run(value).issues;
    if (issues.length > 0)
      findings.push({
        check: "response_headers_conformance",
        message: `header ${header.name}: ${JSON.stringify(value)} ${issues[0]!.message}`,
      });
  }
  return findings;
}
