import { escapeSegment } from "../openapi/pointer.js";
import type { Route } from "./routes.js";
import type { SchemaRegistry } from "./schemas.js";

/** Compiles every validator the routes can need (the same checks, with the same cache keys, the handler uses). */
export function warm(registry: SchemaRegistry, routes: Route[]): void {
  for (const op of routes.flatMap((r) => Object.values(r.operations))) {
    for (const param of op.params) {
      if (param.schema)
        registry.check(param.schema, {
          direction: "request",
          coerce: !param.json,
          prefix: `/${param.in === "header" ? "headers" : param.in}/${escapeSegment(param.name)}`,
        });
    }
    for (const media of op.body?.content ?? []) {
      if (media.schema) registry.check(media.schema, { direction: "request", coerce: false, prefix: "/body" });
    }
    for (const media of op.responses.flatMap((r) => r.content)) {
      if (media.schema) registry.check(media.schema, { direction: "response", prefix: "" });
    }
  }
}
