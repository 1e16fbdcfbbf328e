/** Thrown when Ajv cannot compile a schema or its output has an unexpected shape; index.ts turns it into a SpecError. */
export class SchemaCompileError extends Error {}
