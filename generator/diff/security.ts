import type { OpenApiDocument, SecuritySchemeObject } from "../load/openapi-types.js";
import type { OperationDiffInput } from "./operation-input.js";
import { tryDeref as deref } from "../openapi/pointer.js";
import type { ChangeSink } from "./types.js";

type Requirement = Array<Record<string, string[]>>;

/** No requirement (absent or `[]`) means anonymous access: one alternative needing nothing. */
const alternatives = (req: Requirement | undefined): Requirement => (req && req.length > 0 ? req : [{}]);

const describe = (alt: Record<string, string[]>) =>
  Object.keys(alt).length === 0
    ? "no auth"
    : Object.entries(alt)
        .map(([scheme, scopes]) => (scopes.length > 0 ? `${scheme}(${[...scopes].sort().join(" ")})` : scheme))
        .sort()
        .join(" + ");

/** Credentials for `have` satisfy `need` when `need` asks for no scheme or scope that `have` lacks. */
function satisfies(have: Record<string, string[]>, need: Record<string, string[]>): boolean {
  return Object.entries(need).every(([scheme, scopes]) => {
    const granted = have[scheme];
    return granted !== undefined && scopes.every((s) => granted.includes(s));
  });
}

export function compareOperationSecurity(
  input: OperationDiffInput,
  oldReq: Requirement | undefined,
  newReq: Requirement | undefined,
): void {
  const before = alternatives(oldReq);
  const after = alternatives(newReq);
  const text = (req: Requirement) => req.map(describe).join(" or ");
  if (text(before) === text(after)) return;
  const stranded = before.filter((have) => !after.some((need) => satisfies(have, need)));
  if (stranded.length > 0) {
    input.sink.add(
      "security-changed",
      "breaking",
      "security",
      `auth changed from ${text(before)} to ${text(after)}: ${stranded.map(describe).join(", ")} no longer enough`,
    );
  } else {
    input.sink.add(
      "security-relaxed",
      "non-breaking",
      "security",
      `auth relaxed from ${text(before)} to ${text(after)}`,
    );
  }
}

/** How a scheme carries credentials; a change here breaks every configured client even if the name stays. */
function wireShape(scheme: SecuritySchemeObject | undefined): string {
  if (!scheme) return "";
  const { type, scheme: httpScheme, in: where, name } = scheme;
  const prefix = scheme["x-auth-prefix"];
  return JSON.stringify({ type, httpScheme: httpScheme?.toLowerCase(), where, name, prefix });
}

export function compareSecuritySchemes(oldDoc: OpenApiDocument, newDoc: OpenApiDocument, sink: ChangeSink): void {
  const before = oldDoc.components?.securitySchemes ?? {};
  const after = newDoc.components?.securitySchemes ?? {};
  for (const [key, raw] of Object.entries(before)) {
    const where = `security scheme ${key}`;
    const a = deref<SecuritySchemeObject>(oldDoc, raw);
    const b = deref<SecuritySchemeObject>(newDoc, after[key]);
    if (!b)
      sink.add(
        "security-scheme-removed",
        "breaking",
        where,
        `security scheme ${key} removed: its client auth option goes away`,
      );
    else if (wireShape(a) !== wireShape(b))
      sink.add(
        "security-scheme-changed",
        "breaking",
        where,
        `security scheme ${key} now sends credentials differently`,
      );
    else if (a?.description !== b.description) sink.add("description-changed", "docs", where, "description changed");
  }
  for (const key of Object.keys(after)) {
    if (!(key in before))
      sink.add("security-scheme-added", "non-breaking", `security scheme ${key}`, `security scheme ${key} added`);
  }
}
