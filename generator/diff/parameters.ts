import type { ParameterObject, ReferenceObject, SchemaObject } from "../load/openapi-types.js";
import type { OperationDiffInput } from "./operation-input.js";
import { tryDeref as deref } from "../openapi/pointer.js";
import { compareSchema, type SchemaDiffContext } from "./schema.js";

type RawParameter = ParameterObject | ReferenceObject;

export function compareParameters(
  input: OperationDiffInput,
  oldRaw: RawParameter[],
  newRaw: RawParameter[],
  oldPath: string,
  newPath: string,
): void {
  const before = byKey(oldRaw.map((p) => deref<ParameterObject>(input.oldDoc, p)));
  const after = byKey(newRaw.map((p) => deref<ParameterObject>(input.newDoc, p)));
  comparePathParameters(input, before, after, oldPath, newPath);
  const { sink } = input;
  for (const [key, old] of before) {
    if (old.in === "path") continue;
    const where = `${old.in} parameter ${old.name}`;
    const current = after.get(key);
    if (!current) sink.add("parameter-removed", "breaking", where, `${where} removed`);
    else compareParameter(input, old, current, where);
  }
  for (const [key, current] of after) {
    if (current.in === "path" || before.has(key)) continue;
    const where = `${current.in} parameter ${current.name}`;
    if (current.required) sink.add("parameter-added-required", "breaking", where, `new required ${where}`);
    else sink.add("parameter-added", "non-breaking", where, `new optional ${where}`);
  }
}

/** Operation-level parameters override path-level ones with the same name and location; header names ignore case. */
function byKey(params: Array<ParameterObject | undefined>): Map<string, ParameterObject> {
  const result = new Map<string, ParameterObject>();
  for (const p of params) {
    if (!p) continue;
    result.set(`${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`, p);
  }
  return result;
}

/** The generated client takes path parameters by position, so they are matched by their place in the template. */
function comparePathParameters(
  input: OperationDiffInput,
  before: Map<string, ParameterObject>,
  after: Map<string, ParameterObject>,
  oldPath: string,
  newPath: string,
): void {
  const names = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
  const oldNames = names(oldPath);
  const newNames = names(newPath);
  oldNames.forEach((oldName, i) => {
    const newName = newNames[i];
    if (newName === undefined) return;
    const where = `path parameter ${newName}`;
    if (oldName !== newName) {
      input.sink.add(
        "path-parameter-renamed",
        "non-breaking",
        where,
        `path parameter renamed from ${oldName} to ${newName} (same position)`,
      );
    }
    const old = before.get(`path:${oldName}`);
    const current = after.get(`path:${newName}`);
    if (old && current) compareParameter(input, old, current, where);
  });
}

function compareParameter(input: OperationDiffInput, a: ParameterObject, b: ParameterObject, where: string): void {
  const { sink } = input;
  if (!a.required && b.required) sink.add("parameter-became-required", "breaking", where, `${where} became required`);
  if (a.required && !b.required)
    sink.add("parameter-became-optional", "non-breaking", where, `${where} became optional`);
  if (a.description !== b.description) sink.add("description-changed", "docs", where, "description changed");
  if (!a.deprecated && b.deprecated) sink.add("deprecated", "non-breaking", where, `${where} marked deprecated`);
  if ((a.style ?? "") !== (b.style ?? "") || (a.explode ?? "") !== (b.explode ?? "")) {
    sink.add(
      "parameter-serialization-changed",
      "breaking",
      where,
      `${where} is serialized differently (style/explode changed)`,
    );
  }
  const ctx: SchemaDiffContext = { ...input, direction: "request" };
  compareSchema(ctx, parameterSchema(a), parameterSchema(b), where);
}

function parameterSchema(p: ParameterObject): SchemaObject | undefined {
  return p.schema ?? Object.values(p.content ?? {})[0]?.schema;
}
