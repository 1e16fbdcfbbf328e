/**
 * Opt-in emitter `tanstack-query` → `tanstack-query.ts`: TanStack Query v5 option factories over the generated
 * client — `<op>QueryOptions` for GET/HEAD, `<op>MutationOptions` for the other methods, and
 * `<op>InfiniteQueryOptions` for operations the model paginates by cursor, offset or page. Factories return plain
 * option objects typed with @tanstack/query-core (`DataTag` keys), so they work with queryClient.fetchQuery and
 * with every framework adapter (useQuery, createQuery…). It is registered exactly as a user emitter would be.
 */
import { banner } from "../banner.js";
import { Imports, join, ts } from "../code.js";
import { defineEmitter } from "../emitter.js";
import { stringLiteral } from "../safe.js";
import { clientMethods } from "./names.js";
import { operationFactories } from "./operation.js";

export const tanstackQueryEmitter = defineEmitter({
  name: "tanstack-query",
  description: "tanstack-query.ts: queryOptions / mutationOptions / infiniteQueryOptions factories over the client",
  requires: ["client", "runtime"],
  files: ["tanstack-query.ts"],
  emit: ({ model }) => {
    const imports = new Imports();
    const client = imports.type("./client.js", `${model.pascalName}Client`);
    const ctx = { imports, api: stringLiteral(model.name), clientType: ts`${client}<boolean>` };
    const methods = clientMethods(model);
    const factories = model.operations.flatMap((op) => {
      const method = methods.get(op);
      return method ? [operationFactories(op, method, ctx)] : [];
    });
    const contents = ts`${banner(model)}\n${imports.render()}\n${join(factories, "\n")}`;
    return [{ path: "tanstack-query.ts", contents }];
  },
});
