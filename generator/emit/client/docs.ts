import type { OperationModel } from "../../model/types.js";
import { docComment } from "../safe.js";

/**
 * TSDoc for a generated method: summary, description and `METHOD /path` from the spec (escaped by docComment),
 * then tags the generator itself writes (`@deprecated`), which docComment would otherwise neutralise.
 */
export function operationDoc(op: OperationModel, indent: string, extra?: string): string {
  const parts = [op.summary, op.description, extra, `\`${op.method.toUpperCase()} ${op.path}\``].filter(
    (p): p is string => typeof p === "string" && p.trim() !== "",
  );
  const block = docComment(parts.join("\n\n"), indent);
  return op.deprecated ? addTag(block, "@deprecated", indent) : block;
}

function addTag(block: string, tag: string, indent: string): string {
  const single = /^(\s*)\/\*\* (.*) \*\/\n$/.exec(block);
  const body = single ? `${indent}/**\n${indent} * ${single[2]}\n${indent} */\n` : block;
  return body.replace(/\n(\s*) \*\/\n$/, `\n$1 * ${tag}\n$1 */\n`);
}
