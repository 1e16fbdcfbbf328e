/** Emits `index.ts`: the client, the runtime's public surface, the document's types and request/response shapes. */
import { banner } from "./banner.js";
import { EMPTY, Imports, ts } from "./code.js";
import { defineEmitter } from "./emitter.js";

export const indexEmitter = defineEmitter({
  name: "index",
  description: "index.ts: re-exports the client, the runtime's public surface and the document's types",
  requires: ["types", "client", "runtime"],
  files: ["index.ts"],
  emit: ({ model, provided }) => {
    const imports = new Imports();
    const shapes =
      model.schemaNames.length === 0
        ? EMPTY
        : ts`
/** A component schema as sent in a request: readOnly members removed (a readOnly \`id\` is never required). */
export type RequestShape<Name extends keyof ${imports.type("./types.js", "components")}["schemas"]> = ${imports.type("./runtime/index.js", "Writable")}<components["schemas"][Name]>;
/** A component schema as received in a response: writeOnly members removed. */
export type ResponseShape<Name extends keyof components["schemas"]> = ${imports.type("./runtime/index.js", "Readable")}<components["schemas"][Name]>;
`;
    // validators.ts is not re-exported: importing the client must not load it (validation `off` loads no
    // validator code; the client imports it on the first validating call). Import it from ./validators.js.
    const validators = provided("operation-validators")
      ? ts`// Validators: import them from ./validators.js (loaded only when used).\n`
      : EMPTY;
    const contents = ts`${banner(model)}
export * from "./client.js";
export * from "./runtime/index.js";
export type { components, operations, paths } from "./types.js";
${imports.render()}${shapes}${validators}`;
    return [{ path: "index.ts", contents }];
  },
});
