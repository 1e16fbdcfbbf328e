/** Types of tools/import-cycles.mjs, for the test that runs it in-process. */
export function importGraph(files: string[]): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): Array<{ members: string[]; path: string[] }>;
export function checkImportCycles(
  dirs: string[],
  ignore?: string[],
  known?: string[][],
): { files: number; cycles: string[][]; known: string[][] };
