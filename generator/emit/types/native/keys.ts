import { num, type Code } from "../../code.js";
import { propertyKey } from "../../safe.js";

/**
 * A member name as openapi-typescript writes it: canonical numbers stay numeric (`200:`), so `keyof` a responses
 * object yields `200`, which the client's `ResponseBody<Op, 200, …>` relies on. Everything else goes through
 * propertyKey. A canonical number string holds only digits, `.`, `e`, `+` (or is Infinity/NaN), so it is inert.
 */
export function memberKey(name: string): Code {
  // Infinity and NaN are identifiers, which propertyKey writes unquoted too.
  if (String(Number(name)) === name && !name.startsWith("-") && Number.isFinite(Number(name))) return num(Number(name));
  return propertyKey(name);
}
