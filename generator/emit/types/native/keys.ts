import { propertyKey } from "../../safe.js";

/**
 * A member name as openapi-typescript writes it: canonical numbers stay numeric (`200:`), so `keyof` a responses
 * object yields `200`, which the client's `ResponseBody<Op, 200, …>` relies on. Everything else goes through
 * propertyKey. A canonical number string holds only digits, `.`, `e`, `+` (or is Infinity/NaN), so it is inert.
 */
export function memberKey(name: string): string {
  if (String(Number(name)) === name && !name.startsWith("-")) return name;
  return propertyKey(name);
}
