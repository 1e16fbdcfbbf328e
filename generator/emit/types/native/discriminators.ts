/**
 * openapi-typescript's scanDiscriminators: collects every discriminator by the pointer of the schema declaring it,
 * and gives each mapped schema its discriminator property as a one-value enum (by mutating the document — callers
 * pass a copy). `objects` and `refsHandled` drive the Omit<> / extra property logic in schema.ts.
 */
import { createRef, resolveRef } from "./refs.js";

export interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

export interface Discriminators {
  objects: Record<string, Discriminator>;
  refsHandled: string[];
}

type Visitor = (node: Record<string, unknown>, path: string[]) => void;

function walk(node: unknown, visit: Visitor, path: string[] = []): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, visit, [...path, String(i)]));
    return;
  }
  visit(node as Record<string, unknown>, path);
  for (const key of Object.keys(node)) walk((node as Record<string, unknown>)[key], visit, [...path, key]);
}

const asDiscriminator = (value: unknown): Discriminator | undefined =>
  value && typeof value === "object" && typeof (value as Discriminator).propertyName === "string"
    ? (value as Discriminator)
    : undefined;

/** Cheap pre-check, so documents without discriminators (most of them) are neither copied nor walked twice. */
export function hasDiscriminators(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item && typeof item === "object") stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (asDiscriminator(record.discriminator)) return true;
    for (const key in record) {
      const value = record[key];
      if (value && typeof value === "object") stack.push(value);
    }
  }
  return false;
}

function enumSchema(values: string[], previous: unknown): Record<string, unknown> {
  const description = (previous as { description?: unknown } | undefined)?.description;
  return {
    type: "string",
    enum: values,
    description: description
      ? `${String(description)} (enum property replaced by openapi-typescript)`
      : "discriminator enum property added by openapi-typescript",
  };
}

function patch(document: unknown, ref: string, values: string[], discriminator: Discriminator): boolean {
  const schema = resolveRef(document, ref) as Record<string, unknown> | undefined;
  if (!schema || typeof schema !== "object") return false;
  const name = discriminator.propertyName;
  if (Array.isArray(schema.allOf)) {
    schema.allOf.push({ type: "object", required: [name], properties: { [name]: enumSchema(values, undefined) } });
    return true;
  }
  if (schema.type !== "object") return false;
  const properties = (schema.properties ??= {}) as Record<string, unknown>;
  if (!Array.isArray(schema.required)) schema.required = [name];
  else if (!schema.required.includes(name)) schema.required.push(name);
  properties[name] = enumSchema(values, properties[name]);
  return true;
}

export function scanDiscriminators(document: unknown): Discriminators {
  const objects: Record<string, Discriminator> = {};
  const refsHandled: string[] = [];
  walk(document, (node, path) => {
    const discriminator = asDiscriminator(node.discriminator);
    if (!discriminator) return;
    const ref = createRef(path);
    objects[ref] = discriminator;
    if (!Array.isArray(node.oneOf)) return;
    const mapping: Record<string, { inferred?: string; defined?: string[] }> = {};
    for (const item of node.oneOf as unknown[]) {
      const target = (item as { $ref?: unknown } | null)?.$ref;
      if (typeof target !== "string") continue;
      const value = target.split("/").pop();
      if (value) mapping[target] = { ...mapping[target], inferred: value };
    }
    for (const [value, target] of Object.entries(discriminator.mapping ?? {})) {
      if (!target) continue;
      if (!mapping[target]?.defined) mapping[target] = { defined: [] };
      mapping[target].defined?.push(value);
    }
    for (const [target, { inferred, defined }] of Object.entries(mapping)) {
      if (refsHandled.includes(target) || (!inferred && !defined)) continue;
      if (patch(document, target, defined ?? [inferred as string], discriminator)) refsHandled.push(target);
    }
  });
  walk(document, (node, path) => {
    if (!Array.isArray(node.allOf)) return;
    for (const item of node.allOf as unknown[]) {
      if (!item || typeof item !== "object") continue;
      const target = (item as { $ref?: unknown }).$ref;
      if (typeof target === "string") {
        const parent = objects[target];
        if (!parent) return;
        const ref = createRef(path);
        const values = Object.entries(parent.mapping ?? {})
          .filter(([, v]) => v === ref)
          .map(([k]) => k);
        if (values.length > 0 && patch(document, ref, values, parent)) refsHandled.push(ref);
        objects[ref] = { ...parent };
      } else {
        const own = asDiscriminator((item as { discriminator?: unknown }).discriminator);
        if (own) objects[createRef(path)] = { ...own };
      }
    }
  });
  return { objects, refsHandled };
}
