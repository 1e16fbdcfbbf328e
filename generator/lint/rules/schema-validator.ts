import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { Location } from "@redocly/openapi-core";

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
// ajv-formats is CommonJS; under NodeNext its default export arrives either as `default` or as the module itself.
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ??
  (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

const DOCUMENT_ID = "urn:contactgen:lint-document";

/**
 * Validates values against schemas that live inside one OpenAPI 3.1 document. The whole document is registered
 * with Ajv under one id, so a schema is compiled by its JSON pointer and its local `$ref`s resolve exactly as the
 * document writes them.
 */
export class DocumentSchemas {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction | Error>();

  constructor(
    document: object,
    private readonly sourceRef: string,
  ) {
    // strict: false because OpenAPI schemas carry annotations Ajv does not know (example, x-*, discriminator).
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
  }

  /** Whether the location is in this document (examples in other files are not checked; bundle first). */
  covers(location: Location): boolean {
    return location.source.absoluteRef === this.sourceRef;
  }

  /** Validation errors of `value` against the schema at `schemaLocation`, as readable lines (empty when valid). */
  check(schemaLocation: Location, value: unknown): string[] {
    const validate = this.compile(schemaLocation.pointer);
    if (validate instanceof Error) return [`the schema does not compile: ${validate.message}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 3).map(describe);
  }

  private compile(pointer: string): ValidateFunction | Error {
    let entry = this.compiled.get(pointer);
    if (!entry) {
      const fragment = pointer
        .replace(/^#/, "")
        .split("/")
        .map((segment) => encodeURIComponent(segment))
        .join("/");
      try {
        entry = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${fragment}` });
      } catch (error) {
        entry = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(pointer, entry);
    }
    return entry;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the value" : error.instancePath;
  const allowed = error.keyword === "enum" ? ` (${JSON.stringify(error.params.allowedValues)})` : "";
  return `${where} ${error.message ?? error.keyword}${allowed}`;
}
