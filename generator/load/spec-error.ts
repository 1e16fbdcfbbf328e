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
  const where = location ? `${terminalSafe(file)}:${location.line}:${location.column}` : terminalSafe(file);
  const pointer = location?.pointer ? ` (at ${terminalSafe(location.pointer)})` : "";
  const rule = ruleId ? ` [${terminalSafe(ruleId)}]` : "";
  return `${where}${pointer}: ${terminalSafe(problem)}${rule}\n  → ${terminalSafe(hint)}`;
}

/**
 * Spec text reaches terminals: control characters (ANSI escape sequences, NUL, line breaks that could forge a
 * message line) are shown escaped (`\x1b`), never sent raw. Tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
