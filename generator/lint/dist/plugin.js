// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { exampleValid } from "./rules/example-valid.js";
import { noUnusedComponents } from "./rules/no-unused-components.js";
import { operationId } from "./rules/operation-id.js";
import { operationErrorResponse, operationSuccessResponse } from "./rules/operation-responses.js";
import { requestStringBounded } from "./rules/request-string-bounded.js";
/** Prefix of this project's rule ids in redocly.yaml and in lint output, e.g. `contactgen/operation-id`. */
export const PLUGIN_ID = "contactgen";
/** This project's own rules, by id without the plugin prefix. */
export const RULES = {
    "example-valid": exampleValid,
    "no-unused-components": noUnusedComponents,
    "operation-error-response": operationErrorResponse,
    "operation-id": operationId,
    "operation-success-response": operationSuccessResponse,
    "request-string-bounded": requestStringBounded,
};
/** Redocly plugin entry (the form redocly.yaml's `plugins:` loads); Redocly adds the `contactgen/` prefix. */
export default function contactgenPlugin() {
    return { id: PLUGIN_ID, rules: { oas3: { ...RULES } } };
}
/** The same plugin as a ready object for `createConfig({ plugins })`, which expects rule ids already prefixed. */
export function preloadedPlugin() {
    const prefixed = Object.entries(RULES).map(([name, rule]) => [`${PLUGIN_ID}/${name}`, rule]);
    return { id: PLUGIN_ID, rules: { oas3: Object.fromEntries(prefixed) } };
}
