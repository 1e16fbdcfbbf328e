/**
 * Making a name unique among names already given: the first comer keeps it, later ones get a number (`list`,
 * `list2`, `list3`), so output is deterministic in document order. One helper for operation ids, client members,
 * validator functions, recursive type aliases and docs anchors.
 */
export interface ClaimOptions {
  /** Between the name and its number: "" (`list2`, identifiers) or "-" (`list-2`, anchors and file names). */
  separator?: string;
  /** The form compared for clashes, e.g. lower case where file systems fold case. */
  key?: (name: string) => string;
}

/** `wanted`, or `wanted` + the lowest number from 2 that is not taken; records the result as taken. */
export function claimName(taken: Set<string>, wanted: string, options: ClaimOptions = {}): string {
  const key = options.key ?? ((name: string) => name);
  const separator = options.separator ?? "";
  let candidate = wanted;
  for (let n = 2; taken.has(key(candidate)); n++) candidate = `${wanted}${separator}${n}`;
  taken.add(key(candidate));
  return candidate;
}
