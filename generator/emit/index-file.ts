/** Emits `index.ts`: the client, the runtime's public surface, the document's types and request/response shapes. */
import type { ApiModel } from "../model/types.js";
import { banner } from "./banner.js";
import type { Emitter } from "./emitter.js";

export function indexEmitter(config: { withValidators: boolean }): Emitter {
  return {
    name: "index",
    emit: (model: ApiModel) => {
      const lines = [
        banner(model),
        'export * from "./client.js";',
        'export * from "./runtime/index.js";',
        'export type { components, operations, paths } from "./types.js";',
      ];
      if (model.schemaNames.length > 0) {
        lines.push(
          'import type { components } from "./types.js";',
          'import type { Readable, Writable } from "./runtime/index.js";',
          "",
          "/** A component schema as sent in a request: readOnly members removed (a readOnly `id` is never required). */",
          'export type RequestShape<Name extends keyof components["schemas"]> = Writable<components["schemas"][Name]>;',
          "/** A component schema as received in a response: writeOnly members removed. */",
          'export type ResponseShape<Name extends keyof components["schemas"]> = Readable<components["schemas"][Name]>;',
        );
      }
      // validators.ts is not re-exported: importing the client must not load it (validation `off` loads no
      // validator code; the client imports it on the first validating call). Import it from ./validators.js.
      if (config.withValidators) lines.push("// Validators: import them from ./validators.js (loaded only when used).");
      return Promise.resolve([{ path: "index.ts", contents: `${lines.join("\n")}\n` }]);
    },
  };
}
