// Generated from generator/lint/*.ts by `npm run build:lint-plugin`: do not edit.
export function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** The HTTP methods an OpenAPI 3.x path item can hold (3.2's `query` included so newer documents are not skipped). */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];
/** Follows a `$ref` (if any) to the node it names; unresolvable refs yield `undefined` (Redocly reports them itself). */
export function follow(ctx, node, location) {
    if (!isObject(node) || typeof node.$ref !== "string")
        return { node, location };
    const resolved = ctx.resolve(node);
    if (resolved.node === undefined || resolved.location === undefined)
        return undefined;
    return { node: resolved.node, location: resolved.location };
}
/** Iterates the operations of a document's `paths` with their locations. */
export function* operations(root, rootLocation) {
    const paths = root.paths;
    if (!isObject(paths))
        return;
    for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item))
            continue;
        for (const method of HTTP_METHODS) {
            const operation = item[method];
            if (isObject(operation)) {
                yield { method, path, operation, location: rootLocation.child(["paths", path, method]) };
            }
        }
    }
}
