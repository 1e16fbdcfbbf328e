/**
 * The client's construction options: one credential per usable security scheme and one typed option per hoisted
 * vendor header (Piriod's workspace, Kare's session token), each required when every operation needs it.
 */
import type { ApiModel, SecuritySchemeModel } from "../../model/types.js";
import { EMPTY, join, ts, type Code } from "../code.js";
import { docComment, jsonLiteral, propertyAccess, propertyKey, stringLiteral } from "../safe.js";
import type { ClientContext } from "./context.js";

export interface OptionsCode {
  declarations: Code;
  /** Expression building the runtime's credentials table from `options.auth`. */
  credentials: Code;
  /** Expression building the client-header values from `options.headers`. */
  headerValues: Code;
  /** `securitySchemes` for the ApiDescription. */
  schemes: Code;
  clientHeaders: Code;
  optionsRequired: boolean;
  usableSchemes: ReadonlySet<string>;
}

function runtimeScheme(scheme: SecuritySchemeModel): unknown {
  switch (scheme.type) {
    case "bearer":
    case "oauth2":
    case "openIdConnect":
      return { type: "bearer" };
    case "basic":
      return { type: "basic" };
    case "apiKey":
      return { type: "apiKey", in: scheme.in, name: scheme.name, ...(scheme.prefix ? { prefix: scheme.prefix } : {}) };
    default:
      return { type: "unsupported" };
  }
}

const optional = (required: boolean): Code => (required ? EMPTY : ts`?`);

/** `headerSource`: the operation alias client-header types are read from (the first operation's). */
export function optionsCode(
  ctx: ClientContext,
  model: ApiModel,
  typeName: Code,
  headerSource: Code | undefined,
): OptionsCode {
  const usable = model.securitySchemes.filter((s) => s.type !== "mutualTLS" && s.type !== "other");
  const usableKeys = new Set(usable.map((s) => s.key));
  const secured = model.operations.filter((op) => op.security.length > 0);
  const requiredKey = (key: string) =>
    model.operations.length > 0 &&
    secured.length === model.operations.length &&
    model.operations.every((op) => op.security.every((alt) => alt.includes(key)));
  const authFields = usable.map((s) => {
    const credential = ctx.rt("Credential");
    const type = s.type === "basic" ? ts`${credential}<${ctx.rt("BasicCredentials")}>` : ts`${credential}<string>`;
    const doc = docComment(s.description ?? `Credential for the \`${s.key}\` security scheme.`, "  ");
    return ts`${doc}  ${propertyKey(s.optionName)}${optional(requiredKey(s.key))}: ${type};`;
  });
  const authRequired = usable.some((s) => requiredKey(s.key));
  const headerFields = model.clientHeaders.map((p) => {
    const type = headerSource ? ts`${ctx.rt("HeaderParam")}<${headerSource}, ${stringLiteral(p.name)}>` : ts`string`;
    const doc = docComment(
      p.description ? `${p.description}\n\nSent as \`${p.name}\`.` : `Sent as \`${p.name}\`.`,
      "  ",
    );
    return ts`${doc}  ${propertyKey(p.identifier)}${optional(p.required)}: ${type};`;
  });
  const headersRequired = model.clientHeaders.some((p) => p.required);
  const baseUrl = defaultBaseUrl(model);
  const fields = [
    usable.length > 0 ? ts`  auth${optional(authRequired)}: ${typeName}Auth;` : undefined,
    model.clientHeaders.length > 0 ? ts`  headers${optional(headersRequired)}: ${typeName}Headers;` : undefined,
    baseUrl ? undefined : ts`  /** The document names no absolute server URL. */\n  baseUrl: string;`,
  ].filter((c): c is Code => c !== undefined);
  const declarations = join(
    [
      usable.length > 0 ? ts`export interface ${typeName}Auth {\n${join(authFields, "\n")}\n}\n` : undefined,
      model.clientHeaders.length > 0
        ? ts`export interface ${typeName}Headers {\n${join(headerFields, "\n")}\n}\n`
        : undefined,
      ts`export interface ${typeName}ClientOptions<Throw extends boolean = true> extends ${ctx.rt("ClientOptionsBase")}<Throw> {\n${join(fields, "\n")}\n}\n`,
    ].filter((c): c is Code => c !== undefined),
    "\n",
  );
  const credentials = ts`{${join(
    usable.map((s) => ts`${propertyKey(s.key)}: options.auth${optionalAccess(s.optionName)}`),
    ", ",
  )}}`;
  const headerValues = ts`{${join(
    model.clientHeaders.map((p) => ts`${propertyKey(p.identifier)}: options.headers${optionalAccess(p.identifier)}`),
    ", ",
  )}}`;
  const schemes = jsonLiteral(Object.fromEntries(usable.map((s) => [s.key, runtimeScheme(s)])));
  const clientHeaders = jsonLiteral(model.clientHeaders.map((p) => ({ option: p.identifier, name: p.name })));
  return {
    declarations,
    credentials,
    headerValues,
    schemes,
    clientHeaders,
    optionsRequired: authRequired || headersRequired || !baseUrl,
    usableSchemes: usableKeys,
  };
}

function optionalAccess(name: string): Code {
  const access = propertyAccess(name);
  return access.startsWith(".") ? ts`?${access}` : ts`?.${access}`;
}

export function defaultBaseUrl(model: ApiModel): string | undefined {
  return model.servers.map((s) => s.url).find((u) => /^https?:\/\/[^{}]+$/i.test(u));
}
