import type { OpenApiDocument } from "../load/openapi-types.js";
import type { CallSite, SurfaceChange } from "./report.js";

export interface ConsumerInput {
  api: string;
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  /** Where the project's generated client lives (`generated/pylon`): imports of it are pointed at each version. */
  clientDir: string;
  project?: string;
}

export async function compareClients(
  _input: ConsumerInput,
): Promise<{ surface: SurfaceChange[]; callSites?: CallSite[] }> {
  return { surface: [] };
}
