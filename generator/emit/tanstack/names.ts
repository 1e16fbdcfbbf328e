/**
 * Where each operation's method sits on the generated client (`client.contacts.get`): its group and the member
 * name the client emitter gives it (generator/emit/client/members.ts, from the client's own member list), so the
 * factories call exactly what client.ts defines.
 */
import type { ApiModel, OperationModel } from "../../model/types.js";
import { ClientContext } from "../client/context.js";
import { memberNames } from "../client/members.js";
import { operationAlias, operationCode } from "../client/operation.js";

export interface ClientMethod {
  group: string | undefined;
  name: string;
}

export function clientMethods(model: ApiModel): Map<OperationModel, ClientMethod> {
  const ctx = new ClientContext(model.document);
  const names = memberNames(model.operations, (op) =>
    operationCode(ctx, op, new Set(), operationAlias(op)).members.map((m) => m.name),
  );
  const methods = new Map<OperationModel, ClientMethod>();
  for (const op of model.operations) {
    const name = names.get(op)?.[0];
    if (name !== undefined) methods.set(op, { group: op.group, name });
  }
  return methods;
}
