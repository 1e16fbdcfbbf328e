/**
 * Where each operation's method sits on the generated client (`client.contacts.get`): the group from the model and
 * the member name the client emitter gave it after settling clashes (groups first at the top level, then members in
 * operation order, a clash gets `2`, `3`…). Reads the client's own member list, so both agree on every name.
 */
import type { ApiModel, OperationModel } from "../../model/types.js";
import { operationCode } from "../client/operation.js";

export interface ClientMethod {
  group: string | undefined;
  name: string;
}

export function clientMethods(model: ApiModel): Map<OperationModel, ClientMethod> {
  const taken = new Map<string, Set<string>>();
  const claim = (group: string, wanted: string): string => {
    const names = taken.get(group) ?? new Set<string>();
    taken.set(group, names);
    let candidate = wanted;
    for (let n = 2; names.has(candidate); n++) candidate = `${wanted}${n}`;
    names.add(candidate);
    return candidate;
  };
  for (const group of new Set(model.operations.flatMap((op) => (op.group ? [op.group] : [])))) claim("", group);
  const methods = new Map<OperationModel, ClientMethod>();
  for (const op of model.operations) {
    const members = operationCode(op, "paths", new Set(), model.document).members;
    for (const [i, member] of members.entries()) {
      const name = claim(op.group ?? "", member.name);
      if (i === 0) methods.set(op, { group: op.group, name });
    }
  }
  return methods;
}
