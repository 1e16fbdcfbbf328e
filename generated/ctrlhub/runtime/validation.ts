/**
 * Contract between generated validators (generated/<api>/validators.ts) and the client runtime.
 * Kept dependency-free: it is copied into every generated client.
 */
export interface ValidationIssue {
  /** JSON Pointer to the failing value inside the validated value ("" for the root). */
  path: string;
  /** The failing JSON Schema keyword: `type`, `maxLength`, `required`, `format`, ... */
  keyword: string;
  /** Readable sentence, e.g. `must be a string of at most 64 characters`. */
  message: string;
}

export interface Validator<T = unknown> {
  /** Component schema name or a descriptive name such as `updateContact.requestBody`. */
  readonly name: string;
  /** Type guard: true when the value satisfies the schema. Never throws. */
  is(value: unknown): value is T;
  /** All issues (empty when valid). Never throws, whatever the value. */
  validate(value: unknown): ValidationIssue[];
}

/** Validators of one operation, looked up by the client runtime before sending and after receiving. */
export interface OperationValidators {
  path?: Validator;
  query?: Validator;
  headers?: Validator;
  /** Keyed by request media type. */
  body?: Record<string, Validator>;
  /** Keyed by status (`200`, `4XX`, `default`), then media type. */
  responses: Record<string, Record<string, Validator>>;
}

export type ValidationMode = "off" | "warn" | "strict";
