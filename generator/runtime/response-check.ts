/**
 * Holding a response to what the operation documents, before its body is validated: the status must be documented
 * (exactly, by range such as `2XX`, or by `default`), a status documented without content must arrive without a
 * body, and a body's media type must be one documented for that status. Each breach is a ValidationIssue, so
 * strict mode throws and warn mode reports it like any schema violation.
 */
import { mediaEssence } from "./encode.js";
import type { OperationValidators, ValidationIssue, Validator } from "./validation.js";

export type ResponseMatch = { validator: Validator | undefined } | { issue: ValidationIssue };

export function matchResponse(
  operationId: string,
  validators: OperationValidators,
  status: number,
  contentType: string | null,
  body: unknown,
): ResponseMatch {
  const { responses } = validators;
  // The common answer, a documented status with its media type spelled as documented, needs no search.
  const exact = body === undefined || contentType === null ? undefined : responses[String(status)];
  if (exact !== undefined && Object.hasOwn(responses, String(status)) && Object.hasOwn(exact, contentType!)) {
    return { validator: exact[contentType!] };
  }
  const documented = Object.keys(responses);
  // No response documented at all (3.1 allows omitting `responses`): there is nothing to hold the answer to.
  if (documented.length === 0) return { validator: undefined };
  const key = statusKey(documented, status);
  if (key === undefined) {
    return issue(
      "status",
      `status ${status} is not documented for ${operationId} (documented: ${documented.join(", ")})`,
    );
  }
  if (body === undefined) return { validator: undefined };
  const table = responses[key] ?? {};
  const media = Object.keys(table);
  const received = mediaEssence(contentType) || "no Content-Type";
  if (media.length === 0) {
    return issue("body", `status ${key} of ${operationId} documents no body, but one arrived (${received})`);
  }
  const found = mediaKey(media, mediaEssence(contentType));
  if (found === undefined) {
    return issue(
      "mediaType",
      `${received} is not a documented media type for status ${key} of ${operationId} (documented: ${media.join(", ")})`,
    );
  }
  return { validator: table[found] };
}

function issue(keyword: string, message: string): ResponseMatch {
  return { issue: { path: "", keyword, message } };
}

/** Exact status first, then its range (`2XX`, any case), then `default` (OpenAPI's precedence). */
function statusKey(documented: string[], status: number): string | undefined {
  const exact = String(status);
  const range = `${exact[0] ?? ""}XX`;
  return (
    documented.find((k) => k === exact) ??
    documented.find((k) => k.toUpperCase() === range) ??
    documented.find((k) => k === "default")
  );
}

/** Exact essence (parameters and case ignored), then a documented range: `application/*`, then `*\/*`. */
function mediaKey(documented: string[], essence: string): string | undefined {
  if (essence === "") return documented.find((k) => mediaEssence(k) === "*/*");
  const type = essence.split("/")[0] ?? "";
  return (
    documented.find((k) => mediaEssence(k) === essence) ??
    documented.find((k) => mediaEssence(k) === `${type}/*`) ??
    documented.find((k) => mediaEssence(k) === "*/*")
  );
}
