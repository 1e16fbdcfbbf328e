/** Counts what actually passed, for the coverage line `conformance: N/M operations, S/T documented statuses`. */
export class Tally {
  /** Operation → checks still to pass (an operation conforms when this is empty and nothing failed). */
  private readonly pending = new Map<string, Set<string>>();
  private readonly failed = new Set<string>();
  private readonly statuses = new Map<string, boolean>();

  declare(operation: string, checks: string[], statuses: string[]): void {
    this.pending.set(operation, new Set(checks));
    for (const status of statuses) this.statuses.set(`${operation} ${status}`, false);
  }

  /** Runs one named check of an operation; a failure marks the operation as not conforming and is rethrown. */
  async check(operation: string, name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.failed.add(operation);
      throw error;
    }
    this.pending.get(operation)?.delete(name);
  }

  async status(operation: string, status: string, run: () => Promise<void>): Promise<void> {
    await this.check(operation, `status ${status}`, run);
    this.statuses.set(`${operation} ${status}`, true);
  }

  line(): string {
    const ops = [...this.pending.entries()];
    const passed = ops.filter(([op, left]) => left.size === 0 && !this.failed.has(op)).length;
    const covered = [...this.statuses.values()].filter(Boolean).length;
    return `conformance: ${passed}/${ops.length} operations, ${covered}/${this.statuses.size} documented statuses`;
  }
}
