/**
 * Emits `types.ts`: the document's schemas as TypeScript. Two engines behind one seam, same structure and types:
 * `native` (default, generator/emit/types/native, no `typescript` load) and `openapi-typescript` (7.13, through
 * ./openapi-typescript.ts). Each is imported only when used. See docs/decisions/0005-native-types.md.
 */
import type { OpenApiDocument } from "../../load/openapi-types.js";
import { banner } from "../banner.js";
import { trustedCode, ts, type Code } from "../code.js";
import { defineEmitter } from "../emitter.js";

export const TYPES_ENGINES = ["native", "openapi-typescript"] as const;
export type TypesEngine = (typeof TYPES_ENGINES)[number];
export const DEFAULT_TYPES_ENGINE: TypesEngine = "native";

export function isTypesEngine(value: unknown): value is TypesEngine {
  return TYPES_ENGINES.includes(value as TypesEngine);
}

async function renderer(engine: TypesEngine): Promise<(document: OpenApiDocument) => Code> {
  if (engine === "openapi-typescript") {
    const { renderTypes } = await import("./openapi-typescript.js");
    // TypeScript's own printer writes this text from openapi-typescript's AST (not built with the ts tag).
    return (document) => trustedCode(renderTypes(document).replace(/\r\n?/g, "\n"));
  }
  return (await import("./native/index.js")).renderNativeTypes;
}

export interface TypesOptions {
  engine: TypesEngine;
}

export const typesEmitter = defineEmitter<TypesOptions>({
  name: "types",
  description: "types.ts: paths, components, operations and webhooks as TypeScript types",
  files: ["types.ts"],
  parseOptions: (raw) => {
    const { engine = DEFAULT_TYPES_ENGINE, ...rest } = raw;
    if (!isTypesEngine(engine)) throw new Error(`options.engine: use ${TYPES_ENGINES.join(" or ")}`);
    const unknown = Object.keys(rest);
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(", ")} (allowed: engine)`);
    return { engine };
  },
  async emit({ model, options }) {
    const body = (await renderer(options.engine))(model.document);
    return [{ path: "types.ts", contents: ts`${banner(model)}\n${body}` }];
  },
});
