/**
 * test/fixtures/hostile.yaml puts `*\/`, quotes, backticks, `${`, `</script>`, U+2028, reserved words, `x-y`,
 * `__proto__` and `constructor` into every name and text the generator reads. The output must compile, run
 * nothing on import, and keep the text.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupScratch, generateInto, typecheck } from "./helpers.js";

const FIXTURE = "test/fixtures/hostile.yaml";
let dir: string;
const read = (file: string) => readFile(path.join(dir, file), "utf8");

beforeAll(async () => {
  // The whole output, validators.ts included when its emitter is present.
  dir = await generateInto(FIXTURE, "hostile");
});

afterAll(cleanupScratch);

describe("hostile spec", () => {
  it("generates code that type-checks under strict", async () => {
    const result = await typecheck(dir);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("runs nothing on import and defines no prototype", async () => {
    const pwned = globalThis as { __pwned?: unknown };
    delete pwned.__pwned;
    await import(pathToFileURL(path.join(dir, "types.ts")).href);
    const module = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as {
      createHostileClient: (options: unknown) => Record<string, unknown>;
    };
    expect(pwned.__pwned).toBeUndefined();
    const client = module.createHostileClient({
      baseUrl: "http://127.0.0.1:9",
      auth: { constructor_: "k" },
      headers: { xEvilX: "v" },
    });
    expect(Object.getPrototypeOf(client)).toBe(Object.prototype);
    expect(Object.keys(client).sort()).toEqual(["constructor", "delete", "proto", "xY"]);
    const group = Object.getOwnPropertyDescriptor(client, "constructor")?.value as Record<string, unknown>;
    expect(Object.hasOwn(group, "constructor") && typeof group.constructor).toBe("function");
    expect(pwned.__pwned).toBeUndefined();
  });

  it("refuses the document's invalid header name with a RequestError before sending", async () => {
    const module = (await import(pathToFileURL(path.join(dir, "index.ts")).href)) as {
      createHostileClient: (options: unknown) => { proto: { proto: (id: string) => Promise<unknown> } };
      RequestError: new (...args: never[]) => Error;
    };
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = module.createHostileClient({
        baseUrl: `http://127.0.0.1:${port}`,
        auth: { constructor_: "k" },
        headers: { xEvilX: "v" },
      });
      const error = await client.proto.proto("a").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(module.RequestError);
      expect(String(error)).toContain("x-evil-`${x}`");
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it.each([
    ["client.ts", "Summary *\\/ globalThis.__pwned = 'summary'; /*"],
    ["client.ts", "</script><script>globalThis.__pwned='script'</script> ${globalThis.__pwned='template'} `backtick`"],
    ["client.ts", "\"*/ globalThis.__pwned = 'operationId'; /*\""],
    ["client.ts", '{ ["__proto__"]: proto }'],
    ["client.ts", '"x-evil-`${x}`"'],
    ["types.ts", '"${x}"'],
    ["types.ts", '"</script>"'],
    ["types.ts", '"a\\u2028b"'],
  ])("%s keeps %s", async (file, text) => {
    expect(await read(file)).toContain(text);
  });

  it("never leaves a raw line separator in generated code", async () => {
    for (const file of ["client.ts", "types.ts", "index.ts"]) expect(await read(file)).not.toMatch(/[\u2028\u2029]/);
  });
});
