/**
 * Validation `off` loads no validator code: the generated client imports validators.ts on the first call that
 * validates. A generated Piriod client is written to .tmp with its validators.ts wrapped so that loading it is
 * visible, then called over HTTP on 127.0.0.1.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupScratch, generateInto, ROOT } from "../generator/helpers.js";
import { json, startServer, type TestServer } from "../generator/server.js";

interface Loaded {
  __contactgenValidatorsLoaded?: number;
}
const flag = globalThis as Loaded;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = await generateInto(path.join(ROOT, "specs/piriod/openapi.yaml"), "piriod");
  renameSync(path.join(dir, "validators.ts"), path.join(dir, "validators.real.ts"));
  writeFileSync(
    path.join(dir, "validators.ts"),
    "(globalThis as { __contactgenValidatorsLoaded?: number }).__contactgenValidatorsLoaded = " +
      "((globalThis as { __contactgenValidatorsLoaded?: number }).__contactgenValidatorsLoaded ?? 0) + 1;\n" +
      'export * from "./validators.real.js";\n',
  );
}, 60_000);
afterAll(async () => {
  server.close();
  await cleanupScratch();
});

const BODY = { name: "Ada", email: "ada@example.com", invoicing: true, collections: true };

describe("lazy validators", () => {
  it("client.ts has no static import of validators.ts", () => {
    const client = readFileSync(path.join(dir, "client.ts"), "utf8");
    expect(client).not.toMatch(/^import .*validators\.js/m);
    expect(client).toContain('import("./validators.js")');
  });

  it("off never loads validators.ts; the first validating call loads it once", async () => {
    const { createPiriodClient, ValidationError } = (await import(
      pathToFileURL(path.join(dir, "index.ts")).href
    )) as typeof import("../../generated/piriod/index.js");
    const make = (validation: "off" | "strict") =>
      createPiriodClient({
        baseUrl: server.url,
        auth: { apiToken: "k" },
        headers: { xSimpleWorkspace: "w" },
        validation,
      });
    server.reply(json(200, { name: 5 }));
    await expect(make("off").contacts.update("c", { ...BODY, email: "nope" })).resolves.toEqual({ name: 5 });
    expect(flag.__contactgenValidatorsLoaded).toBeUndefined();

    const strict = make("strict");
    const error = await strict.contacts.update("c", { ...BODY, email: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as InstanceType<typeof ValidationError>).issues.map((i) => i.path)).toEqual(["/body/email"]);
    await strict.contacts.update("c", { ...BODY, email: "nope" }).catch(() => undefined);
    expect(flag.__contactgenValidatorsLoaded).toBe(1);
  });
});
