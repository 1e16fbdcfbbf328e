/** Emits `types.ts`: the document's schemas as TypeScript, through the openapi-typescript seam. */
import type { ApiModel } from "../../model/types.js";
import type { Emitter } from "../emitter.js";
import { banner } from "../banner.js";
import { renderTypes } from "./openapi-typescript.js";

export const typesEmitter: Emitter = {
  name: "types",
  async emit(model: ApiModel) {
    const body = renderTypes(model.document);
    return [{ path: "types.ts", contents: `${banner(model)}\n${body.replace(/\r\n?/g, "\n")}` }];
  },
};
