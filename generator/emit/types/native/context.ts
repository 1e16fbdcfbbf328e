import type { Discriminators } from "./discriminators.js";
import type { Member } from "./nodes.js";
import { createRef, refType, resolveRef, type ResolvedParameter } from "./refs.js";
import type { TypeNode } from "./nodes.js";

/** State shared by one document's transform (openapi-typescript's GlobalContext, reduced to what we use). */
export interface Context {
  document: unknown;
  discriminators: Discriminators;
  /** `operations` members, in the order operations are met (paths, webhooks, components.pathItems). */
  operations: Member[] | undefined;
  /**
   * The WithRequired<T, K> helper is emitted once something used it, before or after the operations interface
   * depending on which appeared first (openapi-typescript's footer order).
   */
  withRequired: "first" | "after operations" | undefined;
  /**
   * Schema locations only matter for discriminator look-ups; without discriminators they are not built (joining
   * pointers for every property was a third of the run on Stripe).
   */
  tracksPaths: boolean;
  refs: Map<string, TypeNode>;
}

/** A child location (`#/a/b` + parts), or "" when the document has no discriminators to look up. */
export function at(ctx: Context, parts: Array<string | undefined>): string {
  return ctx.tracksPaths ? createRef(parts) : "";
}

/** refType, memoised per document (Stripe repeats the same few thousand refs many times). */
export function ref(ctx: Context, target: string, parameter?: ResolvedParameter): TypeNode {
  if (parameter) return refType(target, parameter);
  let type = ctx.refs.get(target);
  if (!type) {
    type = refType(target);
    ctx.refs.set(target, type);
  }
  return type;
}

export function resolve(ctx: Context, ref: string): unknown {
  return resolveRef(ctx.document, ref);
}
