/**
 * Validation hooks around a call: request parts before sending, the response after receiving. "strict" throws a
 * ValidationError (so an invalid body never reaches the network), "warn" reports and carries on.
 */
import { ValidationError } from "./errors.js";
import { mediaEssence } from "./encode.js";
import type { ValidationEvent } from "./options.js";
import { matchResponse } from "./response-check.js";
import { $fileStandIn, $releaseFileStandIns } from "./validator-engine.js";
import type { OperationValidators, ValidationIssue, ValidationMode, Validator } from "./validation.js";

export interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  mediaType: string | undefined;
}

export function validateRequest(validators: OperationValidators, parts: RequestParts): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (validator: Validator | undefined, value: unknown, prefix: string): void => {
    if (!validator) return;
    for (const issue of validator.validate(value)) issues.push({ ...issue, path: prefix + issue.path });
  };
  try {
    check(validators.path, parts.path, "/path");
    check(validators.query, parts.query, "/query");
    check(validators.headers, parts.headers, "/headers");
    if (parts.body !== undefined && validators.body) {
      check(pickByMedia(validators.body, parts.mediaType), parts.body, "/body");
    }
    return issues;
  } finally {
    // forValidation's large-file stand-ins live only for this synchronous check.
    $releaseFileStandIns();
  }
}

/** Issues of a response: an undocumented status, body or media type (see response-check.ts), else the body's. */
export function validateResponse(
  operationId: string,
  validators: OperationValidators,
  status: number,
  contentType: string | null,
  body: unknown,
  checkBody = true,
): ValidationIssue[] {
  const match = matchResponse(operationId, validators, status, contentType, body);
  if ("issue" in match) return [match.issue];
  // A Blob, ArrayBuffer or stream is held to its status and media type only; its bytes are not JSON.
  return checkBody ? (match.validator?.validate(body) ?? []) : [];
}

/**
 * A request body as its schema sees it: a raw binary body is not validated (undefined); in a form or multipart
 * object a file (Blob, buffer) stands for a string of its size, so `required`, `type` and `maxLength` still apply.
 */
export function forValidation(body: unknown): unknown {
  if (isBinary(body) || (typeof ReadableStream !== "undefined" && body instanceof ReadableStream)) return undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  if (!Object.values(body).some((v) => isBinary(v) || (Array.isArray(v) && v.some(isBinary)))) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    out[key] = Array.isArray(value) ? value.map(asText) : asText(value);
  }
  return out;
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function asText(value: unknown): unknown {
  if (!isBinary(value)) return value;
  return $fileStandIn(value instanceof Blob ? value.size : value.byteLength);
}

/** Request bodies: exact media type first, then the only one documented (the caller chose no other). */
function pickByMedia(table: Record<string, Validator>, mediaType: string | null | undefined): Validator | undefined {
  const essence = mediaEssence(mediaType);
  const key = Object.keys(table).find((k) => mediaEssence(k) === essence);
  if (key) return table[key];
  const keys = Object.keys(table);
  return keys.length === 1 && keys[0] !== undefined ? table[keys[0]] : undefined;
}

export function report(
  mode: ValidationMode,
  event: ValidationEvent,
  onIssue: ((event: ValidationEvent) => void) | undefined,
  body?: unknown,
): void {
  if (event.issues.length === 0 || mode === "off") return;
  if (mode === "strict") {
    throw new ValidationError(event.operationId, event.phase, event.issues, event.response, body);
  }
  if (onIssue) onIssue(event);
  else console.warn(new ValidationError(event.operationId, event.phase, event.issues).message);
}
