import type { OperationModel } from "../../model/types.js";
import { commentBlock, tagLine, type Code } from "../code.js";
import { docCommentLines } from "../safe.js";

/**
 * TSDoc for a generated method: summary, description and `METHOD /path` from the spec (escaped by docCommentLines),
 * then the tags the generator itself writes (`@deprecated`), which escaping would otherwise neutralise.
 */
export function operationDoc(op: OperationModel, indent: Code, extra?: string): Code {
  const parts = [op.summary, op.description, extra, `\`${op.method.toUpperCase()} ${op.path}\``].filter(
    (p): p is string => typeof p === "string" && p.trim() !== "",
  );
  const lines = docCommentLines(parts.join("\n\n"));
  return commentBlock(op.deprecated ? [...lines, tagLine("@deprecated")] : lines, indent);
}
