// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
// ajv-formats is CommonJS; under NodeNext its default export arrives either as `default` or as the module itself.
const addFormats = (ajvFormats.default ??
    ajvFormats);
const DOCUMENT_ID = "urn:contactgen:lint-document";
/**
 * Validates values against schemas that live inside one OpenAPI 3.1 document. The whole document is registered
 * with Ajv under one id, so a schema is compiled by its JSON pointer and its local `$ref`s resolve exactly as the
 * document writes them.
 */
export class DocumentSchemas {
    sourceRef;
    ajv;
    compiled = new Map();
    constructor(document, sourceRef) {
        this.sourceRef = sourceRef;
        // strict: false because OpenAPI schemas carry annotations Ajv does not know (example, x-*, discriminator).
        this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
        addFormats(this.ajv);
        this.ajv.addSchema(document, DOCUMENT_ID);
    }
    /** Whether the location is in this document (examples in other files are not checked; bundle first). */
    covers(location) {
        return location.source.absoluteRef === this.sourceRef;
    }
    /** Validation errors of `value` against the schema at `schemaLocation`, as readable lines (empty when valid). */
    check(schemaLocation, value) {
        const validate = this.compile(schemaLocation.pointer);
        if (validate instanceof Error)
            return [`the schema does not compile: ${validate.message}`];
        if (validate(value))
            return [];
        return (validate.errors ?? []).slice(0, 3).map(describe);
    }
    compile(pointer) {
        let entry = this.compiled.get(pointer);
        if (!entry) {
            const fragment = pointer
                .replace(/^#/, "")
                .split("/")
                .map((segment) => encodeURIComponent(segment))
                .join("/");
            try {
                entry = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${fragment}` });
            }
            catch (error) {
                entry = error instanceof Error ? error : new Error(String(error));
            }
            this.compiled.set(pointer, entry);
        }
        return entry;
    }
}
function describe(error) {
    const where = error.instancePath === "" ? "the value" : error.instancePath;
    const allowed = error.keyword === "enum" ? ` (${JSON.stringify(error.params.allowedValues)})` : "";
    return `${where} ${error.message ?? error.keyword}${allowed}`;
}
