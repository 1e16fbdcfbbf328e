import { camelCase, memberName } from "../emit/safe.js";
import type { HttpMethod } from "../load/openapi-types.js";

/** `get /contacts/{id}/` → `getContactsId`, for operations without an operationId. */
export function derivedOperationId(method: HttpMethod, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, " ")}`);
}

function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * Method name inside a tag group: the operationId without the tag's noun, so `updateContact` in `contacts` becomes
 * `update`. Falls back to the whole operationId when nothing sensible remains.
 */
export function methodNameInGroup(operationId: string, tag: string): string {
  const opWords = splitWords(operationId);
  const tagWords = splitWords(tag).map(singular);
  if (tagWords.length === 0 || opWords.length <= tagWords.length) return memberName(operationId);
  for (let start = 0; start + tagWords.length <= opWords.length; start++) {
    const window = opWords.slice(start, start + tagWords.length).map(singular);
    if (window.every((w, i) => w === tagWords[i])) {
      const rest = [...opWords.slice(0, start), ...opWords.slice(start + tagWords.length)];
      // Only a lone verb is left unambiguous: `createSpecialEvent` stays whole rather than `createSpecial`.
      if (rest.length === 1) return memberName(rest.join(" "));
    }
  }
  return memberName(operationId);
}
