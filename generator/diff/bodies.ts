import type { MediaTypeObject, ReferenceObject, RequestBodyObject, ResponseObject } from "../load/openapi-types.js";
import type { OperationDiffInput } from "./operation-input.js";
import { tryDeref as deref } from "../openapi/pointer.js";
import { compareSchema } from "./schema.js";
import type { Direction } from "./types.js";

export function compareRequestBody(
  input: OperationDiffInput,
  oldRaw: RequestBodyObject | ReferenceObject | undefined,
  newRaw: RequestBodyObject | ReferenceObject | undefined,
): void {
  const { sink } = input;
  const a = deref<RequestBodyObject>(input.oldDoc, oldRaw);
  const b = deref<RequestBodyObject>(input.newDoc, newRaw);
  const where = "request body";
  if (!a && !b) return;
  if (!a && b) {
    if (b.required) sink.add("request-body-added-required", "breaking", where, "new required request body");
    else sink.add("request-body-added", "non-breaking", where, "new optional request body");
    return;
  }
  if (a && !b) return sink.add("request-body-removed", "breaking", where, "request body removed");
  if (!a || !b) return;
  if (!a.required && b.required)
    sink.add("request-body-became-required", "breaking", where, "request body became required");
  if (a.required && !b.required)
    sink.add("request-body-became-optional", "non-breaking", where, "request body became optional");
  if (a.description !== b.description) sink.add("description-changed", "docs", where, "description changed");
  compareContent(input, "request", a.content ?? {}, b.content ?? {}, where);
}

const isSuccess = (status: string) => /^2/.test(status);

export function compareResponses(
  input: OperationDiffInput,
  oldResponses: Record<string, ResponseObject | ReferenceObject>,
  newResponses: Record<string, ResponseObject | ReferenceObject>,
): void {
  const { sink } = input;
  for (const [status, raw] of Object.entries(oldResponses)) {
    const where = `response ${status}`;
    const a = deref<ResponseObject>(input.oldDoc, raw);
    const b = deref<ResponseObject>(input.newDoc, newResponses[status]);
    if (!b) {
      sink.add("response-status-removed", "breaking", where, `response status ${status} removed`);
      continue;
    }
    if (!a) continue;
    if (a.description !== b.description) sink.add("description-changed", "docs", where, "description changed");
    compareHeaders(input, a.headers ?? {}, b.headers ?? {}, where);
    compareContent(input, "response", a.content ?? {}, b.content ?? {}, where);
  }
  for (const status of Object.keys(newResponses)) {
    if (status in oldResponses) continue;
    const where = `response ${status}`;
    if (isSuccess(status)) {
      sink.add(
        "response-status-added",
        "breaking",
        where,
        `new success status ${status}: the result type gains a variant`,
      );
    } else {
      sink.add("response-status-added", "non-breaking", where, `new error status ${status}`);
    }
  }
}

function compareHeaders(
  input: OperationDiffInput,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  where: string,
): void {
  const lower = (record: Record<string, unknown>) => new Set(Object.keys(record).map((k) => k.toLowerCase()));
  const a = lower(before);
  const b = lower(after);
  for (const name of a) {
    if (!b.has(name))
      input.sink.add(
        "response-header-removed",
        "breaking",
        `${where} header ${name}`,
        `response header ${name} removed`,
      );
  }
  for (const name of b) {
    if (!a.has(name))
      input.sink.add(
        "response-header-added",
        "non-breaking",
        `${where} header ${name}`,
        `response header ${name} added`,
      );
  }
}

function compareContent(
  input: OperationDiffInput,
  direction: Direction,
  before: Record<string, MediaTypeObject>,
  after: Record<string, MediaTypeObject>,
  where: string,
): void {
  const { sink } = input;
  for (const [mediaType, a] of Object.entries(before)) {
    const at = `${where} (${mediaType})`;
    const b = after[mediaType];
    if (!b) {
      sink.add(`${direction}-media-type-removed`, "breaking", at, `${direction} media type ${mediaType} removed`);
      continue;
    }
    compareSchema({ ...input, direction }, a.schema, b.schema, at);
  }
  for (const mediaType of Object.keys(after)) {
    if (mediaType in before) continue;
    sink.add(
      `${direction}-media-type-added`,
      "non-breaking",
      `${where} (${mediaType})`,
      `${direction} media type ${mediaType} added`,
    );
  }
}
