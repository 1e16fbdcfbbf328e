import { camelCase } from "../emit/safe.js";
import type { OpenApiDocument, ReferenceObject, SecuritySchemeObject } from "../load/openapi-types.js";
import { deref } from "../openapi/pointer.js";
import type { SecurityRequirement, SecuritySchemeModel } from "./types.js";

export function buildSecuritySchemes(doc: OpenApiDocument): SecuritySchemeModel[] {
  const schemes = doc.components?.securitySchemes ?? {};
  return Object.keys(schemes)
    .sort()
    .map((key) => {
      const scheme = deref<SecuritySchemeObject>(doc, schemes[key] as SecuritySchemeObject | ReferenceObject);
      const base = { key, optionName: camelCase(key), description: scheme.description };
      if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer") {
        return { ...base, type: "bearer" as const, bearerFormat: scheme.bearerFormat };
      }
      if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic")
        return { ...base, type: "basic" as const };
      if (scheme.type === "apiKey" && scheme.name && scheme.in) {
        const prefix = typeof scheme["x-auth-prefix"] === "string" ? scheme["x-auth-prefix"] : undefined;
        return { ...base, type: "apiKey" as const, in: scheme.in, name: scheme.name, prefix };
      }
      const other = ["oauth2", "openIdConnect", "mutualTLS"] as const;
      const type = other.find((t) => t === scheme.type) ?? "other";
      return { ...base, type };
    });
}

export function toRequirements(security: Array<Record<string, string[]>> | undefined): SecurityRequirement[] {
  return (security ?? []).map((alternative) => Object.keys(alternative).sort());
}
