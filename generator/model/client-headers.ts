import type { OperationModel, ParameterModel } from "./types.js";

/**
 * Vendor headers that every operation documents (Piriod's workspace and test mode, Kare's session token) are
 * configuration, not per-call data: they become typed client options and leave the operations' header lists.
 * Required only if every operation requires them. Auth headers stay with the security schemes.
 */
export function hoistClientHeaders(operations: OperationModel[], authHeaders: ReadonlySet<string>): ParameterModel[] {
  if (operations.length === 0) return [];
  const lower = (p: ParameterModel) => p.name.toLowerCase();
  const [first, ...rest] = operations as [OperationModel, ...OperationModel[]];
  const shared = first.headerParams.filter(
    (candidate) =>
      !authHeaders.has(lower(candidate)) &&
      rest.every((op) => op.headerParams.some((p) => lower(p) === lower(candidate))),
  );
  const hoisted = shared.map((candidate) => ({
    ...candidate,
    required: operations.every((op) => op.headerParams.some((p) => lower(p) === lower(candidate) && p.required)),
  }));
  const names = new Set(hoisted.map(lower));
  for (const op of operations)
    op.headerParams = op.headerParams.filter((p) => !names.has(lower(p)) && !authHeaders.has(lower(p)));
  return hoisted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
