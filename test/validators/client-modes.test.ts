/**
 * The generated Piriod client with the generated validators, over HTTP on 127.0.0.1, in the three modes:
 * what the validators decide reaches the caller as ValidationError (strict), a hook call (warn) or nothing (off).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPiriodClient, ValidationError, type ValidationEvent } from "../../generated/piriod/index.js";
import { json, startServer, type TestServer } from "../generator/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const VALID_BODY = { name: "Ada", email: "ada@example.com", invoicing: true, collections: true };
const CONTACT = { ...VALID_BODY, id: "con_1", created: "2023-11-07T05:31:56Z", updated: "2023-11-07T05:31:56Z" };

function client(validation: "off" | "warn" | "strict", events: ValidationEvent[] = []) {
  return createPiriodClient({
    baseUrl: server.url,
    auth: { apiToken: "k" },
    headers: { xSimpleWorkspace: "w" },
    validation,
    onValidationIssue: (event) => events.push(event),
  });
}

describe("generated validators in the generated client", () => {
  it("strict: a body with a bad e-mail never reaches the network; the issue names the field", async () => {
    const error = await client("strict")
      .contacts.update("c", { ...VALID_BODY, email: "not-an-email" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "/body/email", keyword: "format", message: "must be a valid email" },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("strict: a response with a field the document does not know is accepted (vendors add fields)", async () => {
    server.reply(json(200, { ...CONTACT, addedByVendorLater: { nested: true } }));
    await expect(client("strict").contacts.update("c", VALID_BODY)).resolves.toMatchObject({ id: "con_1" });
  });

  it("strict: a response breaking the schema throws with the issues and the raw response", async () => {
    server.reply(json(200, { ...CONTACT, created: "yesterday" }));
    const error = await client("strict")
      .contacts.update("c", VALID_BODY)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      phase: "response",
      issues: [{ path: "/created", keyword: "format", message: "must be a valid date-time" }],
    });
    expect((error as ValidationError).response?.status).toBe(200);
  });

  it("warn: reports through the hook and returns the data", async () => {
    const events: ValidationEvent[] = [];
    server.reply(json(200, { ...CONTACT, phone: "+56 2 2222 2222 ext 1" }));
    const data = await client("warn", events).contacts.update("c", { ...VALID_BODY, name: "x".repeat(65) });
    expect(data).toMatchObject({ id: "con_1" });
    expect(events.map((e) => [e.phase, e.issues.map((i) => `${i.path} ${i.keyword}`)])).toEqual([
      ["request", ["/body/name maxLength"]],
      ["response", ["/phone maxLength"]],
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it("off: nothing is validated", async () => {
    const events: ValidationEvent[] = [];
    server.reply(json(200, { name: 5 }));
    await expect(client("off", events).contacts.update("c", { ...VALID_BODY, email: "nope" })).resolves.toEqual({
      name: 5,
    });
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
