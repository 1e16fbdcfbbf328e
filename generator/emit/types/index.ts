/**
 * Emits `types.ts`: the document's schemas as TypeScript. Two engines behind one seam, same structure and types:
 * `native` (default, generator/emit/types/native, no `typescript` load) and `openapi-typescript` (7.13, through
 * ./openapi-typescript.ts). Each is imported only when used. See docs/decisions/0005-native-types.md.
 */
import type { ApiModel } from "../../model/types.js";
import type { OpenApiDocument } from "../../load/openapi-types.js";
import type { Emitter } from "../emitter.js";
import { banner } from "../banner.js";

export const TYPES_ENGINES = ["native", "openapi-typescript"] as const;
export type TypesEngine = (typeof TYPES_ENGINES)[number];
export const DEFAULT_TYPES_ENGINE: TypesEngine = "native";

export function isTypesEngine(value: unknown): value is TypesEngine {
  return TYPES_ENGINES.includes(value as TypesEngine);
}

async function renderer(engine: TypesEngine): Promise<(document: OpenApiDocument) => string> {
  if (engine === "openapi-typescript") return (await import("./openapi-typescript.js")).renderTypes;
  return (await import("./native/index.js")).renderNativeTypes;
}

export function typesEmitter(engine: TypesEngine = DEFAULT_TYPES_ENGINE): Emitter {
  return {
    name: "types",
    async emit(model: ApiModel) {
      const body = (await renderer(engine))(model.document);
      return [{ path: "types.ts", contents: `${banner(model)}\n${body.replace(/\r\n?/g, "\n")}` }];
    },
  };
}
