/**
 * The name each member of each operation gets on the client object (`pylon.contacts.list`, `…listAll`): group
 * names are claimed at the top level first, then members in operation order, a clash getting `2`, `3`… (the shared
 * claimName rule). The client emitter lays out its methods with these names, and the TanStack Query emitter calls
 * them, so both read this one function.
 */
import type { OperationModel } from "../../model/types.js";
import { claimName } from "../../openapi/names.js";

export function memberNames(
  operations: readonly OperationModel[],
  membersOf: (op: OperationModel) => readonly string[],
): Map<OperationModel, string[]> {
  const taken = new Map<string, Set<string>>();
  const claim = (group: string, wanted: string): string => {
    const names = taken.get(group) ?? new Set<string>();
    taken.set(group, names);
    return claimName(names, wanted);
  };
  for (const group of new Set(operations.flatMap((op) => (op.group ? [op.group] : [])))) claim("", group);
  return new Map(operations.map((op) => [op, membersOf(op).map((name) => claim(op.group ?? "", name))]));
}
