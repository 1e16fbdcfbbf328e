/**
 * Binary strings are typed `Blob` by both types engines (the one deliberate difference from stock
 * openapi-typescript, applied to it through its `transform` hook, so the two engines stay byte-identical):
 * `format: binary` (3.0) or a 3.1 `contentMediaType` that is not textual, without `contentEncoding` (with an
 * encoding such as base64 the value is text). A 3.0 `nullable` binary stays `string | null`, because
 * openapi-typescript applies `transform` to properties after adding `null`.
 */
const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|yaml|x-yaml|javascript)$)/i;

export function isBinarySchema(schema: Record<string, unknown>): boolean {
  if (schema.type !== "string" || schema.nullable === true) return false;
  if (schema.format === "binary") return true;
  return (
    typeof schema.contentMediaType === "string" &&
    schema.contentEncoding === undefined &&
    !TEXTUAL.test(schema.contentMediaType.split(";")[0]!.trim())
  );
}
