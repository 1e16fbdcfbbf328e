/** A request the mock refuses before validation (unreadable, too large, too deep), with the status to answer. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
