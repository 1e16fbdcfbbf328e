/**
 * What the client emitter's modules share while building client.ts: the imports the text uses (collected as it is
 * built, never found by searching the text afterwards), the document, and whether a printed schema type needs the
 * `WithRequired` helper.
 */
import type { OpenApiDocument } from "../../load/openapi-types.js";
import { Imports, type Code } from "../code.js";
import { inlineSchemaType } from "../types/native/index.js";

export const RUNTIME = "./runtime/index.js";
export const TYPES = "./types.js";

export class ClientContext {
  readonly imports = new Imports();
  withRequired = false;

  constructor(readonly doc: OpenApiDocument) {}

  /** A type exported by the copied runtime (`ApiError`), imported as a type. */
  rt(name: string): Code {
    return this.imports.type(RUNTIME, name);
  }

  /**
   * A schema printed as a type by the native types printer (for what types.ts has no place for: 3.2 `itemSchema`
   * event data, multipart part headers). Its references point into types.ts, whose names it then imports.
   */
  schemaType(schema: unknown): Code {
    const { type, withRequired } = inlineSchemaType(this.doc, schema);
    if (withRequired) this.withRequired = true;
    for (const name of ["components", "$Read", "$Write"]) {
      // The printer's own output (never spec text) is searched for the three names it can refer to.
      if (type.includes(`${name}${name === "components" ? "[" : "<"}`)) this.imports.type(TYPES, name);
    }
    return type;
  }
}

/** The operation's `paths[…][…]` alias, marked used whenever a type refers to it (unused ones are left out). */
export class OperationAlias {
  used = false;
  constructor(readonly name: Code) {}
  get ref(): Code {
    this.used = true;
    return this.name;
  }
}
