/**
 * The one error type for a document the toolkit cannot use. It always names the file, a location when one is known,
 * and what to do about it, so a CLI can print it as-is.
 */
export interface SpecLocation {
  line: number;
  column: number;
  /** JSON Pointer into the document, when known. */
  pointer?: string;
}

export class SpecError extends Error {
  override readonly name = "SpecError";
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly hint: string,
    readonly location?: SpecLocation,
    readonly ruleId?: string,
  ) {
    super(formatSpecError(file, problem, hint, location, ruleId));
  }
}

export function formatSpecError(
  file: string,
  problem: string,
  hint: string,
  location?: SpecLocation,
  ruleId?: string,
): string {
  const where = location ? `${file}:${location.line}:${location.column}` : file;
  const pointer = location?.pointer ? ` (at ${location.pointer})` : "";
  const rule = ruleId ? ` [${ruleId}]` : "";
  return `${where}${pointer}: ${problem}${rule}\n  → ${hint}`;
}
