/**
 * What a user emitter imports: the same contract the core emitters use. An emitter module's default export is
 * `defineEmitter({ name, description, requires, provides, files, parseOptions, emit })`; list it in
 * generator.config.json as `{ "module": "./my-emitter.ts", "options": { … } }`. Text goes through `ts` and the safe
 * helpers (spec text cannot be spliced any other way: a plain string is a type error). See ARCHITECTURE.md.
 */
export {
  defineEmitter,
  type CodeFile,
  type EmitterContext,
  type EmitterDefinition,
  type EmitterInput,
} from "./emit/emitter.js";
export { commentBlock, EMPTY, Imports, join, num, prefixLine, tagLine, ts, type Code } from "./emit/code.js";
export {
  camelCase,
  docComment,
  docCommentLines,
  docCommentParts,
  identifier,
  jsonLiteral,
  memberName,
  pascalCase,
  propertyAccess,
  propertyKey,
  stringLiteral,
} from "./emit/safe.js";
export { banner } from "./emit/banner.js";
export type {
  ApiModel,
  MediaModel,
  OperationModel,
  PaginationModel,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
} from "./model/types.js";
