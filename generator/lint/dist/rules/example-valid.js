// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { DocumentSchemas } from "./schema-validator.js";
import { follow, isObject } from "./shared.js";
/** `example` plus every Example Object's `value` in an `examples` map (following `$ref`s to components/examples). */
function mapExamples(ctx, node) {
    const found = [];
    if (node.example !== undefined)
        found.push({ value: node.example, location: ctx.location.child("example") });
    if (isObject(node.examples)) {
        for (const [name, raw] of Object.entries(node.examples)) {
            const resolved = follow(ctx, raw, ctx.location.child(["examples", name]));
            if (resolved && isObject(resolved.node) && "value" in resolved.node) {
                found.push({ value: resolved.node.value, location: resolved.location.child("value") });
            }
        }
    }
    return found;
}
/**
 * Every example validates against its schema with a JSON Schema 2020-12 validator (Ajv 2020 + ajv-formats):
 * media-type, parameter and header examples against their `schema`, schema `example`/`examples` against the
 * schema itself. Wrong examples mislead readers and feed mock servers invalid data.
 */
export const exampleValid = () => {
    let schemas;
    const done = new Set();
    const check = (ctx, schemaLocation, examples) => {
        for (const { value, location } of examples) {
            const key = `${location.source.absoluteRef}${location.pointer}`;
            if (done.has(key))
                continue;
            done.add(key);
            if (!schemas || !schemas.covers(schemaLocation)) {
                ctx.report({ message: "Example is in another file and was not checked: bundle the spec first.", location });
                continue;
            }
            for (const error of schemas.check(schemaLocation, value)) {
                ctx.report({ message: `Example does not match its schema: ${error}.`, location });
            }
        }
    };
    const withSchema = (node, ctx) => {
        if (isObject(node) && node.schema !== undefined) {
            check(ctx, ctx.location.child("schema"), mapExamples(ctx, node));
        }
    };
    return {
        Root(root, ctx) {
            if (isObject(root))
                schemas = new DocumentSchemas(root, ctx.location.source.absoluteRef);
        },
        MediaType: withSchema,
        Parameter: withSchema,
        Header: withSchema,
        Schema(schema, ctx) {
            if (!isObject(schema))
                return;
            const found = [];
            if (schema.example !== undefined)
                found.push({ value: schema.example, location: ctx.location.child("example") });
            if (Array.isArray(schema.examples)) {
                schema.examples.forEach((value, i) => found.push({ value, location: ctx.location.child(["examples", i]) }));
            }
            check(ctx, ctx.location, found);
        },
    };
};
