// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { isObject } from "./shared.js";
/** A valid JavaScript/TypeScript identifier, so a generator can use the operationId as a method name unchanged. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** operationId present on every operation, unique in the document, and a valid identifier. */
export const operationId = () => {
    const seen = new Map();
    return {
        Operation(operation, ctx) {
            if (!isObject(operation))
                return;
            const id = operation.operationId;
            if (id === undefined) {
                ctx.report({
                    message: "Operation has no operationId: add one (a valid identifier, e.g. `updateContact`).",
                    location: ctx.location.key(),
                });
                return;
            }
            const where = ctx.location.child("operationId");
            if (typeof id !== "string" || !IDENTIFIER.test(id)) {
                ctx.report({
                    message: `operationId ${JSON.stringify(id)} is not a valid identifier: use letters, digits, _ or $, not starting with a digit.`,
                    location: where,
                });
                return;
            }
            const first = seen.get(id);
            if (first !== undefined) {
                ctx.report({
                    message: `operationId "${id}" is already used at ${first}: operationIds must be unique.`,
                    location: where,
                });
                return;
            }
            seen.set(id, ctx.location.pointer);
        },
    };
};
