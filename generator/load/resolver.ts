/**
 * The one way the loader reads a document or a file a `$ref` names. Sandboxed: local files only inside the spec's
 * folder tree (or an allowed root), regular files only and up to a size cap; remote refs only when allowed, then
 * with a timeout and a size cap; YAML alias expansion capped; nesting depth capped. A refused ref surfaces as
 * Redocly's "Can't resolve $ref" problem at the $ref's location, with our reason; `hintFor` gives what to do.
 */
import { open, realpath } from "node:fs/promises";
import path from "node:path";
import { BaseResolver, ResolveError, Source } from "@redocly/openapi-core";
import { createRequire } from "node:module";
import { escapeSegment } from "../openapi/pointer.js";

export interface LoadOptions {
  /** Folders besides the spec's own whose files local `$ref`s may read (`--allow-ref-root DIR`). */
  allowRefRoots?: string[];
  /** Fetch http(s) `$ref`s (`--allow-remote-refs`); off by default. */
  allowRemoteRefs?: boolean;
  /** Per remote document, connect to last byte. Default 10 s. */
  remoteTimeoutMs?: number;
  /** Largest document or referenced file, local or remote. Default 64 MiB (Stripe's is 4 MB). */
  maxFileBytes?: number;
  /** false: always Redocly's full bundle walk, never the quick check (quick-check.ts); the tests compare both. */
  quickCheck?: boolean;
}

export const LOAD_LIMITS = {
  remoteTimeoutMs: 10_000,
  maxFileBytes: 64 * 1024 * 1024,
  /** Nesting of any document (objects and arrays); the deepest real document we know (Stripe) has 24. */
  depth: 200,
  /** YAML alias expansion, counted as the `yaml` package does (its default): stops "billion laughs". */
  yamlAliases: 10_000,
} as const;

/** A file or ref the sandbox will not read, with what to do about it. */
export class RefRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The value of every `$ref` in YAML or JSON text (quoted or not). */
const REF_VALUE = /\$ref["']?\s*:\s*["']?([^"'\s,}\]]*)/g;

export function* refValues(text: string): Generator<string> {
  for (const match of text.matchAll(REF_VALUE)) yield match[1] ?? "";
}

const REF_ROOT_HINT = "move the file into the spec's folder, or allow its folder with --allow-ref-root DIR";

function within(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Reads at most `max` bytes; more is refused without reading it (a file may grow after it was checked). */
export async function readCapped(file: string, max: number, shown: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new RefRefused(`${shown} is not a regular file`, "point --spec and every $ref at a YAML or JSON file");
    if (stat.size > max) throw tooLarge(shown, stat.size, max);
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) throw tooLarge(shown, length, max);
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await handle.close();
  }
}

function tooLarge(shown: string, size: number, max: number): RefRefused {
  return new RefRefused(
    `${shown} is larger than ${max} bytes (${size}${size > max ? "" : "+"})`,
    "split the document, or raise the limit (loadDocument option maxFileBytes) if it is really that large",
  );
}

async function fetchCapped(url: string, timeoutMs: number, max: number): Promise<Source> {
  const shown = displayUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`${shown} answered ${response.status}`);
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      size += next.value.length;
      if (size > max) {
        await reader?.cancel();
        throw tooLarge(shown, size, max);
      }
      chunks.push(next.value);
    }
    return new Source(url, Buffer.concat(chunks).toString("utf8"), response.headers.get("content-type") ?? undefined);
  } catch (error) {
    if (signal.aborted)
      throw new RefRefused(
        `fetching ${shown} timed out after ${timeoutMs} ms`,
        "check the address, or download the file next to the spec and refer to it by a relative path",
      );
    throw error;
  }
}

/** Origin and path only: a URL's credentials and query never reach a message. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * Where a tree first nests deeper than `limit`, as a JSON Pointer (iterative: no stack to overflow). Every document
 * passes through here, so the common answer (not too deep) comes from a pass that builds no pointer strings (on
 * Stripe ~3× cheaper); only a document that is too deep is walked again to name the place.
 */
export function tooDeepAt(root: unknown, limit: number): string | undefined {
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= limit) return tooDeepPointer(root, limit);
    for (const value of Object.values(node)) {
      if (value !== null && typeof value === "object") {
        nodes.push(value);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

function tooDeepPointer(root: unknown, limit: number): string | undefined {
  const stack: Array<[unknown, number, string]> = [[root, 0, ""]];
  while (stack.length > 0) {
    const [node, depth, pointer] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= limit) return pointer;
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === "object")
        stack.push([value, depth + 1, `${pointer}/${escapeSegment(key)}`]);
    }
  }
  return undefined;
}

function clipPointer(pointer: string): string {
  const segments = pointer.split("/");
  return segments.length > 12 ? `#${segments.slice(0, 8).join("/")}/…/${segments.slice(-2).join("/")}` : `#${pointer}`;
}

/**
 * JSON documents parse with JSON.parse instead of Redocly's js-yaml (Stripe's 4 MB: ~0.3 s of CPU and much of the
 * GC). Text JSON.parse rejects (and all YAML) still goes through the YAML parser, which locates syntax errors.
 * Known difference: a JSON object with a duplicated key keeps the last value instead of failing to parse.
 */
export class SandboxedResolver extends BaseResolver {
  /** Reasons given for refused refs → what to do; the loader turns Redocly's problem into a SpecError with it. */
  readonly refusals = new Map<string, string>();
  /**
   * A `$ref` to a whole document (`#`, `""`, `other.yaml`) was seen: Redocly inlines those as objects, which can make
   * the bundle contain itself, so the loader then checks it for cycles (skipped otherwise: 0.15 s on Stripe).
   */
  wholeDocumentRefs = false;
  /** Documents parsed: the root plus every file or URL a `$ref` read. */
  filesParsed = 0;
  /** The root document as parsed (for error reports that search it). */
  rootDocument: unknown;
  private readonly roots: string[];

  constructor(
    private readonly rootFile: string,
    private readonly rootText: string,
    private readonly rootParsed: unknown,
    roots: string[],
    private readonly options: LoadOptions,
    private readonly display: (file: string) => string,
  ) {
    super();
    this.roots = roots;
  }

  hintFor(message: string): string | undefined {
    for (const [reason, hint] of this.refusals) if (message.includes(reason)) return hint;
    return undefined;
  }

  private refuse(error: RefRefused): never {
    this.refusals.set(error.message, error.hint);
    throw error;
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (absoluteRef === this.rootFile) return new Source(absoluteRef, this.rootText.replace(/\r\n/g, "\n"));
    try {
      return await this.load(absoluteRef);
    } catch (error) {
      if (error instanceof RefRefused) this.refusals.set(error.message, error.hint);
      throw new ResolveError(error as Error);
    }
  }

  private async load(ref: string): Promise<Source> {
    const max = this.options.maxFileBytes ?? LOAD_LIMITS.maxFileBytes;
    if (/^https?:\/\//i.test(ref)) {
      if (!this.options.allowRemoteRefs)
        throw new RefRefused(
          `remote $ref ${displayUrl(ref)} is not fetched`,
          "pass --allow-remote-refs to fetch it (with a timeout and a size cap), or download it next to the spec",
        );
      return fetchCapped(ref, this.options.remoteTimeoutMs ?? LOAD_LIMITS.remoteTimeoutMs, max);
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !path.isAbsolute(ref)) {
      throw new RefRefused(`$ref ${ref.split(":")[0]}: URLs are not read`, "refer to a local file by a relative path");
    }
    const shown = this.display(ref);
    const real = await realpath(ref);
    if (!this.roots.some((root) => within(real, root)))
      throw new RefRefused(`${shown} is outside the spec's folder`, REF_ROOT_HINT);
    return new Source(ref, (await readCapped(real, max, shown)).replace(/\r\n/g, "\n"));
  }

  override parseDocument(
    ...args: Parameters<BaseResolver["parseDocument"]>
  ): ReturnType<BaseResolver["parseDocument"]> {
    const [source] = args;
    const result = this.parse(...args);
    this.filesParsed += 1;
    if (source.absoluteRef === this.rootFile) this.rootDocument = result.parsed;
    const shown = /^https?:/i.test(source.absoluteRef)
      ? displayUrl(source.absoluteRef)
      : this.display(source.absoluteRef);
    const deep = tooDeepAt(result.parsed, LOAD_LIMITS.depth);
    if (deep !== undefined)
      this.refuse(
        new RefRefused(
          `${shown} nests more than ${LOAD_LIMITS.depth} levels deep (at ${clipPointer(deep)})`,
          "move deeply nested inline schemas into components/schemas and refer to them with $ref",
        ),
      );
    return result;
  }

  private parse(...args: Parameters<BaseResolver["parseDocument"]>): ReturnType<BaseResolver["parseDocument"]> {
    const [source] = args;
    if (!this.wholeDocumentRefs) {
      for (const ref of refValues(source.body)) if (!ref.includes("#/")) this.wholeDocumentRefs = true;
    }
    if (source.absoluteRef === this.rootFile && this.rootParsed !== undefined)
      return { source, parsed: this.rootParsed };
    if (/^\s*\{/.test(source.body)) {
      try {
        return { source, parsed: JSON.parse(source.body) as unknown };
      } catch {
        // Not JSON after all: the YAML parser decides, and reports where it fails.
      }
    }
    // js-yaml shares aliased nodes, but every walk after it expands them: 9 aliases of 9 aliases … is billions of
    // nodes. The `yaml` package counts the expansion; it only runs when the text has an anchor and an alias.
    if (/(^|[\s[{,])&[^\s[\]{},]+/m.test(source.body) && /(^|[\s[{,])\*[^\s[\]{},]+/m.test(source.body)) {
      try {
        // Required lazily (synchronous here): most runs never load the `yaml` package's 70-odd modules.
        const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
        yaml.parseDocument(source.body, { uniqueKeys: false }).toJS({ maxAliasCount: LOAD_LIMITS.yamlAliases });
      } catch (error) {
        if (/alias/i.test((error as Error).message))
          this.refuse(
            new RefRefused(
              `${this.display(source.absoluteRef)} expands YAML aliases more than ${LOAD_LIMITS.yamlAliases} times (an alias bomb?)`,
              "replace the anchors and aliases (&name / *name) with $refs",
            ),
          );
      }
    }
    return super.parseDocument(...args);
  }
}
