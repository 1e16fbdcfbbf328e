/** `--dry-run`: what a run would do per operation, sending nothing. */
import type { ApiModel } from "../model/types.js";
import { operationsOf } from "./engine.js";
import { secured } from "./negative.js";
import { resources } from "./stateful.js";
import type { Options } from "./types.js";

export function planText(model: ApiModel, options: Options): string {
  const doc = model.document as unknown as Record<string, unknown>;
  const ops = operationsOf(model, options.operations);
  const lifecycles = resources(doc, ops);
  const lines = [
    `plan: ${ops.length} operations against ${options.server ?? "the mock (started on 127.0.0.1)"}, seed ${options.seed}, at most ${options.maxRequests} requests, ${options.timeLimit} s`,
  ];
  for (const op of ops) {
    const checks = ["responses (status, content type, schema, headers)", "positive requests", "negative requests"];
    if (secured(doc, op)) checks.push("ignored_auth");
    if (op.pagination?.style === "cursor") checks.push("pagination to the last page and one beyond");
    lines.push(`  ${op.method.toUpperCase()} ${op.path}  ${op.id}: ${checks.join(", ")}`);
  }
  for (const r of lifecycles) {
    const steps = [r.create.id, r.read?.id, r.remove?.id, r.remove && r.read ? r.read.id : undefined].filter(Boolean);
    lines.push(
      `  lifecycle via {${r.param}}${r.idPointer !== undefined ? " (OpenAPI link)" : " (inferred)"}: ${steps.join(" → ")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
