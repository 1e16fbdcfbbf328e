import type { OpenApiDocument } from "../load/openapi-types.js";
import type { SchemaGraph } from "./schema.js";
import type { ChangeSink } from "./types.js";

/** What every per-operation comparison (parameters, bodies, security) reads: both documents and where to report. */
export interface OperationDiffInput {
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  sink: ChangeSink;
  graph: SchemaGraph;
}
