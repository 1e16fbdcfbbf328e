import type { ApiModel } from "../model/types.js";

/** One output file, relative to the API's output folder, always with posix separators. */
export interface EmittedFile {
  path: string;
  contents: string;
}

/** Emitters turn the model into files and never touch the file system; the writer owns that. */
export interface Emitter {
  name: string;
  emit(model: ApiModel): Promise<EmittedFile[]>;
}
