// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
import { isObject, operations } from "./shared.js";
const LOCAL_COMPONENT = /^#\/components\/([^/]+)\/([^/]+)$/;
function decode(segment) {
    return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}
/** Every local component `$ref` in `node`, as "type/name" keys. */
function collectRefs(node, into) {
    if (Array.isArray(node)) {
        for (const item of node)
            collectRefs(item, into);
        return;
    }
    if (!isObject(node))
        return;
    for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") {
            const match = LOCAL_COMPONENT.exec(value);
            if (match?.[1] && match[2])
                into.push(`${match[1]}/${decode(match[2])}`);
        }
        else {
            collectRefs(value, into);
        }
    }
}
/** Security requirements name schemes by key rather than by `$ref`. */
function collectSecurity(requirements, into) {
    if (!Array.isArray(requirements))
        return;
    for (const requirement of requirements) {
        if (isObject(requirement))
            for (const name of Object.keys(requirement))
                into.push(`securitySchemes/${name}`);
    }
}
/**
 * Components reachable from the document outside `components` (following refs transitively). A component only
 * referenced by another unused component is itself unused, which Redocly's built-in rule does not catch; security
 * schemes count as used when a security requirement names them.
 */
export const noUnusedComponents = () => ({
    Root(root, ctx) {
        if (!isObject(root) || !isObject(root.components))
            return;
        const components = root.components;
        const { components: _skip, ...outside } = root;
        const pending = [];
        collectRefs(outside, pending);
        collectSecurity(root.security, pending);
        for (const { operation } of operations(root, ctx.location))
            collectSecurity(operation.security, pending);
        const used = new Set();
        for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
            if (used.has(key))
                continue;
            used.add(key);
            const [type, name] = key.split(/\/(.*)/s);
            const group = components[type];
            if (isObject(group))
                collectRefs(group[name], pending);
        }
        for (const [type, group] of Object.entries(components)) {
            if (!isObject(group) || type.startsWith("x-"))
                continue;
            for (const name of Object.keys(group)) {
                if (used.has(`${type}/${name}`))
                    continue;
                ctx.report({
                    message: `Component "${name}" in components/${type} is never used: reference it or remove it.`,
                    location: ctx.location.child(["components", type, name]).key(),
                });
            }
        }
    },
});
