// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { follow, isObject } from "./shared.js";
/** Keywords whose subschemas describe (parts of) the same request value. `not` is left out: it only excludes. */
const SINGLE = [
    "items",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contains",
    "if",
    "then",
    "else",
];
const LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAPS = ["properties", "patternProperties", "dependentSchemas"];
const BOUNDS = ["maxLength", "enum", "const", "format"];
function isStringSchema(schema) {
    const type = schema.type;
    return type === "string" || (Array.isArray(type) && type.includes("string"));
}
function problemOf(schema) {
    if (!isStringSchema(schema) || BOUNDS.some((keyword) => schema[keyword] !== undefined))
        return undefined;
    if (schema["x-unbounded"] !== true) {
        return "Request string has no bound: add maxLength, enum, const or format, or mark it `x-unbounded: true` with an `x-unbounded-reason`.";
    }
    const reason = schema["x-unbounded-reason"];
    if (typeof reason !== "string" || reason.trim() === "") {
        return "Request string is marked `x-unbounded: true` without a reason: add `x-unbounded-reason` saying why no bound applies.";
    }
    return undefined;
}
/**
 * Every string a client can send in a request body is bounded (maxLength, enum, const or format) or explicitly
 * marked `x-unbounded: true` with an `x-unbounded-reason`, so unbounded input is a visible decision, not an oversight.
 */
export const requestStringBounded = () => {
    const checked = new Set();
    const walk = (ctx, node, location) => {
        const resolved = follow(ctx, node, location);
        if (!resolved || !isObject(resolved.node))
            return;
        const schema = resolved.node;
        const here = resolved.location;
        const key = `${here.source.absoluteRef}${here.pointer}`;
        if (checked.has(key))
            return;
        checked.add(key);
        const problem = problemOf(schema);
        if (problem)
            ctx.report({ message: problem, location: here.key() });
        for (const keyword of SINGLE)
            if (isObject(schema[keyword]))
                walk(ctx, schema[keyword], here.child(keyword));
        for (const keyword of LISTS) {
            const list = schema[keyword];
            if (Array.isArray(list))
                list.forEach((item, i) => walk(ctx, item, here.child([keyword, i])));
        }
        for (const keyword of MAPS) {
            const map = schema[keyword];
            if (isObject(map))
                for (const [name, item] of Object.entries(map))
                    walk(ctx, item, here.child([keyword, name]));
        }
    };
    return {
        RequestBody(body, ctx) {
            if (!isObject(body) || !isObject(body.content))
                return;
            for (const [mediaType, media] of Object.entries(body.content)) {
                if (isObject(media) && media.schema !== undefined) {
                    walk(ctx, media.schema, ctx.location.child(["content", mediaType, "schema"]));
                }
            }
        },
    };
};
