/**
 * A change between two versions of an API description, judged from the client user's side: would code written
 * against the old client, or an old client talking to the new server, stop working?
 */
export type ChangeLevel = "breaking" | "non-breaking" | "docs";

/** Which way values flow: the client sends requests (new must accept more) and reads responses (must accept less). */
export type Direction = "request" | "response";

export interface Change {
  /** Stable machine name of the kind of change, e.g. `operation-removed`, `enum-value-added`. */
  kind: string;
  level: ChangeLevel;
  /** `PATCH /contacts/{id}` (the new path when it moved), absent for document-wide changes. */
  operation?: string;
  /** Where inside the operation or document: `request body (application/json) .name`. */
  location: string;
  message: string;
}

export const LEVEL_ORDER: readonly ChangeLevel[] = ["breaking", "non-breaking", "docs"];

/** Collects changes; `forOperation` gives a view that tags what it adds with the operation, into the same list. */
export class ChangeSink {
  constructor(
    private readonly operation?: string,
    readonly changes: Change[] = [],
  ) {}

  add(kind: string, level: ChangeLevel, location: string, message: string): void {
    const change: Change = { kind, level, location, message };
    if (this.operation !== undefined) change.operation = this.operation;
    this.changes.push(change);
  }

  /** A narrowing is breaking where the client sends values, harmless where it reads them; widening the reverse. */
  narrowed(direction: Direction, kind: string, location: string, message: string): void {
    this.add(kind, direction === "request" ? "breaking" : "non-breaking", location, message);
  }

  widened(direction: Direction, kind: string, location: string, message: string): void {
    this.add(kind, direction === "response" ? "breaking" : "non-breaking", location, message);
  }

  forOperation(operation: string): ChangeSink {
    return new ChangeSink(operation, this.changes);
  }
}

export function sortChanges(changes: Change[]): Change[] {
  const key = (c: Change) =>
    [LEVEL_ORDER.indexOf(c.level), c.operation ?? "", c.location, c.kind, c.message].join("\u0000");
  return [...changes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
