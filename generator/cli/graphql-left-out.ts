/**
 * Stands in for the `graphql` package in the precompiled CLI (generator/precompile.mjs). Redocly's openapi-core
 * imports graphql at load time for its GraphQL rules (731 KB bundled, about 40 ms of compiling and evaluating on
 * every run); contactgen reads OpenAPI documents only, so none of it ever runs. Should it be reached anyway, it says
 * so instead of failing somewhere inside Redocly.
 */
function leftOut(): never {
  throw new Error(
    "contactgen reads OpenAPI documents only: GraphQL support (the graphql package) is left out of its CLI bundle",
  );
}

export class GraphQLError extends Error {
  constructor() {
    super();
    leftOut();
  }
}
export class Source {
  constructor() {
    leftOut();
  }
}
export const buildASTSchema = leftOut;
export const getLocation = leftOut;
export const parse = leftOut;
export const validateSchema = leftOut;
export const visit = leftOut;
export const visitInParallel = leftOut;
