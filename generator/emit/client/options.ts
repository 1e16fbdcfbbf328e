/**
 * The client's construction options: one credential per usable security scheme and one typed option per hoisted
 * vendor header (Piriod's workspace, Kare's session token), each required when every operation needs it.
 */
import type { ApiModel, SecuritySchemeModel } from "../../model/types.js";
import { docComment, jsonLiteral, propertyAccess, propertyKey, stringLiteral } from "../safe.js";

export interface OptionsCode {
  declarations: string;
  /** Expression building the runtime's credentials table from `options.auth`. */
  credentials: string;
  /** Expression building the client-header values from `options.headers`. */
  headerValues: string;
  /** `securitySchemes` for the ApiDescription. */
  schemes: string;
  clientHeaders: string;
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

export function optionsCode(model: ApiModel, typeName: string, headerSource: string | undefined): OptionsCode {
  const usable = model.securitySchemes.filter((s) => s.type !== "mutualTLS" && s.type !== "other");
  const usableKeys = new Set(usable.map((s) => s.key));
  const secured = model.operations.filter((op) => op.security.length > 0);
  const requiredKey = (key: string) =>
    model.operations.length > 0 &&
    secured.length === model.operations.length &&
    model.operations.every((op) => op.security.every((alt) => alt.includes(key)));
  const authFields = usable.map((s) => {
    const type = s.type === "basic" ? "Credential<BasicCredentials>" : "Credential<string>";
    const doc = docComment(s.description ?? `Credential for the \`${s.key}\` security scheme.`, "  ");
    return `${doc}  ${propertyKey(s.optionName)}${requiredKey(s.key) ? "" : "?"}: ${type};`;
  });
  const authRequired = usable.some((s) => requiredKey(s.key));
  const headerFields = model.clientHeaders.map((p) => {
    const type = headerSource ? `HeaderParam<${headerSource}, ${stringLiteral(p.name)}>` : "string";
    const doc = docComment(
      p.description ? `${p.description}\n\nSent as \`${p.name}\`.` : `Sent as \`${p.name}\`.`,
      "  ",
    );
    return `${doc}  ${propertyKey(p.identifier)}${p.required ? "" : "?"}: ${type};`;
  });
  const headersRequired = model.clientHeaders.some((p) => p.required);
  const baseUrl = defaultBaseUrl(model);
  const fields = [
    usable.length > 0 ? `  auth${authRequired ? "" : "?"}: ${typeName}Auth;` : "",
    model.clientHeaders.length > 0 ? `  headers${headersRequired ? "" : "?"}: ${typeName}Headers;` : "",
    baseUrl ? "" : "  /** The document names no absolute server URL. */\n  baseUrl: string;",
  ].filter(Boolean);
  const declarations = [
    usable.length > 0 ? `export interface ${typeName}Auth {\n${authFields.join("\n")}\n}\n` : "",
    model.clientHeaders.length > 0 ? `export interface ${typeName}Headers {\n${headerFields.join("\n")}\n}\n` : "",
    `export interface ${typeName}ClientOptions<Throw extends boolean = true> extends ClientOptionsBase<Throw> {\n${fields.join("\n")}\n}\n`,
  ]
    .filter(Boolean)
    .join("\n");
  const credentials = `{${usable.map((s) => `${propertyKey(s.key)}: options.auth${optional(s.optionName)}`).join(", ")}}`;
  const headerValues = `{${model.clientHeaders.map((p) => `${propertyKey(p.identifier)}: options.headers${optional(p.identifier)}`).join(", ")}}`;
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

function optional(name: string): string {
  const access = propertyAccess(name);
  return access.startsWith(".") ? `?${access}` : `?.${access}`;
}

export function defaultBaseUrl(model: ApiModel): string | undefined {
  return model.servers.map((s) => s.url).find((u) => /^https?:\/\/[^{}]+$/i.test(u));
}
