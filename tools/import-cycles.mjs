#!/usr/bin/env node
// @ts-check
/**
 * Fails when modules import each other in a cycle (type-only imports count: a type cycle still ties two modules'
 * designs together). Reads imports with TypeScript's own pre-processor (no type-checking, no resolver plugin), so
 * the whole repository takes well under a second; docs/decisions/0131-import-cycle-check.md says why this and not
 * eslint-plugin-import-x's `no-cycle`. Usage: `node tools/import-cycles.mjs [DIR…] [--ignore PREFIX…]`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SKIP = new Set(["node_modules", "generated", "dist", "out", ".tmp", "site", "packages"]);

/**
 * Known cycles, each with its reason, reported as warnings: the list may only shrink. It is empty: the last one
 * (the validators' compiler and keywords) was broken by moving their shared surface into callee.ts.
 */
/** @type {string[][]} */
const KNOWN = [];

/** Every .ts/.mts/.mjs/.js source below `dir`, skipping build output and `ignore` prefixes. */
function sources(dir, ignore) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (ignore.some((prefix) => full.startsWith(prefix))) continue;
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) out.push(...sources(full, ignore));
    } else if (/\.(?:m?ts|m?js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The file a relative specifier names: `./a.js` is `./a.ts` in a TypeScript project. */
function resolve(from, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, base.replace(/\.m?js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), `${base}.ts`];
  return candidates.find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** Imports, re-exports and dynamic `import()`s of each file: a lazy edge still ties the two modules together. */
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, false);
    const targets = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((f) => f !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The cycles of a graph, one per strongly connected component (Tarjan): its files, and one closed path through them. */
export function findCycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const visit = (root) => {
    // Iterative: a deep import chain must not overflow the stack.
    const work = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] = i + 1;
        const to = edges[i];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = (graph.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => ({ members: component.sort(), path: cyclePath(graph, new Set(component)) }));
}

/** One concrete cycle inside a component, starting from its first file in sort order: a → b → … → a. */
function cyclePath(graph, members) {
  const start = [...members].sort()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Cycles among the files below `dirs`; `known` ones (by their set of files, relative to the cwd) apart. */
export function checkImportCycles(dirs, ignore = [], known = KNOWN) {
  const absoluteIgnore = ignore.map((p) => path.resolve(p));
  const files = dirs.flatMap((dir) => sources(path.resolve(dir), absoluteIgnore)).sort();
  const key = (members) => [...new Set(members.map((f) => path.relative(process.cwd(), f)))].sort().join("\n");
  const knownKeys = new Set(known.map((members) => [...members].sort().join("\n")));
  const all = findCycles(importGraph(files));
  return {
    files: files.length,
    cycles: all.filter((cycle) => !knownKeys.has(key(cycle.members))).map((cycle) => cycle.path),
    known: all.filter((cycle) => knownKeys.has(key(cycle.members))).map((cycle) => cycle.path),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const ignoreAt = args.indexOf("--ignore");
  const dirs = ignoreAt < 0 ? args : args.slice(0, ignoreAt);
  const ignore = ignoreAt < 0 ? [] : args.slice(ignoreAt + 1);
  const { files, cycles, known } = checkImportCycles(dirs.length > 0 ? dirs : ["."], ignore);
  const rel = (file) => path.relative(process.cwd(), file);
  for (const cycle of known) process.stderr.write(`known import cycle (to remove): ${cycle.map(rel).join(" → ")}\n`);
  for (const cycle of cycles) {
    process.stderr.write(`import cycle: ${cycle.map(rel).join(" → ")}\n`);
  }
  if (cycles.length > 0) {
    process.stderr.write(
      `${cycles.length} import cycle(s) in ${files} files: move what both sides need into a module of its own\n`,
    );
    process.exit(1);
  }
}
