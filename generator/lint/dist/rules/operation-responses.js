// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { isObject } from "./shared.js";
function statusCodes(operation) {
    if (!isObject(operation) || !isObject(operation.responses))
        return [];
    return Object.keys(operation.responses);
}
/** Points at `responses` when present, else at the operation itself. */
function responsesLocation(operation, ctx) {
    return isObject(operation) && operation.responses !== undefined
        ? ctx.location.child("responses").key()
        : ctx.location.key();
}
/** Every operation documents at least one success (2xx or 2XX) response. */
export const operationSuccessResponse = () => ({
    Operation(operation, ctx) {
        if (statusCodes(operation).some((code) => /^2(\d\d|XX)$/i.test(code)))
            return;
        ctx.report({
            message: "Operation documents no success (2xx) response: add the status the API answers on success.",
            location: responsesLocation(operation, ctx),
        });
    },
});
/**
 * Every operation documents at least one error (4xx/5xx or 4XX/5XX) response. `default` does not count: it says
 * nothing about which errors occur, and this project only writes down what a vendor documents.
 */
export const operationErrorResponse = () => ({
    Operation(operation, ctx) {
        if (statusCodes(operation).some((code) => /^[45](\d\d|XX)$/i.test(code)))
            return;
        ctx.report({
            message: "Operation documents no error (4xx/5xx) response: add the errors the vendor documents, or the 401 its required auth implies, with an `x-decision` note.",
            location: responsesLocation(operation, ctx),
        });
    },
});
