/**
 * Responses the document does not describe: an undocumented status, a body on a status documented without
 * content, a body of an undocumented media type. Over HTTP on 127.0.0.1 through the generated clients (strict
 * throws, warn reports, off ignores), plus the lookup rules (ranges, `default`, media ranges) table-driven.
 */
import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmnifyClient } from "../../generated/emnify/index.js";
import { createPiriodClient } from "../../generated/piriod/index.js";
import {
  ApiError,
  createPylonClient,
  ValidationError,
  type OperationValidators,
  type ValidationEvent,
  type ValidationMode,
  type Validator,
} from "../../generated/pylon/index.js";
import { validateResponse } from "../../generator/runtime/validate.js";
import { json, startServer, type Reply, type TestServer } from "./server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const empty =
  (status: number): Reply =>
  (_req, res: http.ServerResponse) => {
    res.writeHead(status);
    res.end();
  };
const text =
  (status: number, body: string, type: string): Reply =>
  (_req, res: http.ServerResponse) => {
    res.writeHead(status, { "Content-Type": type });
    res.end(body);
  };

function emnify(validation: ValidationMode, events: ValidationEvent[] = []) {
  return createEmnifyClient({
    baseUrl: server.url,
    auth: { bearerAuth: "t" },
    validation,
    onValidationIssue: (event) => events.push(event),
    retry: false,
  });
}
const update = (client: ReturnType<typeof emnify>) => client.contacts.update("1", "2", { name: "Ada" });
const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("emnify updateContact documents only 204 and 404 (no content)", () => {
  it("strict: a 200 with a body is a ValidationError naming the status, the documented ones and the operation", async () => {
    server.reply(json(200, { id: 2 }));
    const error = await caught(update(emnify("strict")));
    expect(error).toBeInstanceOf(ValidationError);
    const { phase, issues, response } = error as ValidationError;
    expect(phase).toBe("response");
    expect(response?.status).toBe(200);
    expect(issues).toEqual([
      { path: "", keyword: "status", message: "status 200 is not documented for updateContact (documented: 204, 404)" },
    ]);
    expect((error as Error).message).toContain("updateContact");
  });

  it("warn: the undocumented status is reported and the data still returned; off: nothing is reported", async () => {
    server.reply(json(200, { id: 2 }));
    const events: ValidationEvent[] = [];
    await expect(update(emnify("warn", events))).resolves.toEqual({ id: 2 });
    expect(events.map((e) => [e.operationId, e.phase, e.issues.map((i) => i.keyword)])).toEqual([
      ["updateContact", "response", ["status"]],
    ]);
    const quiet: ValidationEvent[] = [];
    await expect(update(emnify("off", quiet))).resolves.toEqual({ id: 2 });
    expect(quiet).toEqual([]);
  });

  it("strict: the documented statuses without a body pass (204 resolves, 404 is an ApiError)", async () => {
    server.reply(empty(204));
    await expect(update(emnify("strict"))).resolves.toBeUndefined();
    server.reply(empty(404));
    const error = await caught(update(emnify("strict")));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it("strict: a body on the 404 documented without content stays an ApiError carrying the issue; warn reports it", async () => {
    server.reply(json(404, { message: "gone" }));
    const error = await caught(update(emnify("strict")));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).issues).toEqual([
      {
        path: "",
        keyword: "body",
        message: "status 404 of updateContact documents no body, but one arrived (application/json)",
      },
    ]);
    const events: ValidationEvent[] = [];
    expect(await caught(update(emnify("warn", events)))).toBeInstanceOf(ApiError);
    expect(events.flatMap((e) => e.issues.map((i) => i.keyword))).toEqual(["body"]);
  });
});

describe("piriod updateContact documents 200 application/json and 401", () => {
  const piriod = (validation: ValidationMode, events: ValidationEvent[] = []) =>
    createPiriodClient({
      baseUrl: server.url,
      auth: { apiToken: "k" },
      headers: { xSimpleWorkspace: "w" },
      validation,
      onValidationIssue: (event) => events.push(event),
    });
  const body = { name: "Ada", email: "ada@example.com", invoicing: true, collections: true };

  it("strict: a 200 body of an undocumented media type is an issue naming the documented ones", async () => {
    server.reply(text(200, "<contact/>", "text/html; charset=utf-8"));
    const error = await caught(piriod("strict").contacts.update("c", body));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        path: "",
        keyword: "mediaType",
        message:
          "text/html is not a documented media type for status 200 of updateContact (documented: application/json)",
      },
    ]);
    const events: ValidationEvent[] = [];
    await expect(piriod("warn", events).contacts.update("c", body)).resolves.toBe("<contact/>");
    expect(events.flatMap((e) => e.issues.map((i) => i.keyword))).toEqual(["mediaType"]);
  });

  it("strict: an undocumented 500 surfaces as the ApiError, with the undocumented status among its issues", async () => {
    server.reply(json(500, { error: "boom" }));
    const error = await caught(piriod("strict").contacts.update("c", body));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).issues[0]?.message).toBe(
      "status 500 is not documented for updateContact (documented: 200, 401)",
    );
    expect((error as ApiError).message).toContain("status 500 is not documented");
    const events: ValidationEvent[] = [];
    expect(await caught(piriod("warn", events).contacts.update("c", body))).toBeInstanceOf(ApiError);
    expect(events.flatMap((e) => e.issues.map((i) => i.keyword))).toEqual(["status"]);
    const off = await caught(piriod("off").contacts.update("c", body));
    expect((off as ApiError).issues).toEqual([]);
  });
});

describe("ranges and default, over HTTP", () => {
  const acceptAll: Validator = { name: "any", is: (_v: unknown): _v is unknown => true, validate: () => [] };
  const pylon = (responses: OperationValidators["responses"]) =>
    createPylonClient({
      baseUrl: server.url,
      auth: { bearerAuth: "t" },
      validation: "strict",
      retry: false,
      validators: { deleteContact: { responses } },
    });

  it("2XX covers 201; default covers an error status, which then surfaces as the ApiError", async () => {
    server.reply(json(201, { data: {} }));
    await expect(pylon({ "2XX": { "application/json": acceptAll } }).contacts.delete("c")).resolves.toEqual({
      data: {},
    });
    server.reply(json(503, { error: "busy" }));
    const client = pylon({ "2XX": { "application/json": acceptAll }, default: { "application/json": acceptAll } });
    const error = await caught(client.contacts.delete("c"));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).issues).toEqual([]);
    const undocumented = await caught(pylon({ "2XX": { "application/json": acceptAll } }).contacts.delete("c"));
    expect(undocumented).toBeInstanceOf(ApiError);
    expect((undocumented as ApiError).issues.map((i) => i.keyword)).toEqual(["status"]);
  });
});

describe("validateResponse lookup rules", () => {
  const acceptAll: Validator = { name: "any", is: (_v: unknown): _v is unknown => true, validate: () => [] };
  const rejectAll: Validator = {
    name: "none",
    is: (_v: unknown): _v is never => false,
    validate: () => [{ path: "/x", keyword: "type", message: "must be a string" }],
  };
  type Case = [
    string,
    { responses: OperationValidators["responses"]; status: number; type: string | null; body: unknown; want: string[] },
  ];
  const cases: Case[] = [
    [
      "exact status, documented media",
      {
        responses: { "200": { "application/json": acceptAll } },
        status: 200,
        type: "application/json",
        body: {},
        want: [],
      },
    ],
    [
      "exact status beats its range",
      {
        responses: { "200": { "application/json": rejectAll }, "2XX": { "application/json": acceptAll } },
        status: 200,
        type: "application/json",
        body: {},
        want: ["type"],
      },
    ],
    [
      "range in lower case",
      {
        responses: { "2xx": { "application/json": acceptAll } },
        status: 299,
        type: "application/json",
        body: {},
        want: [],
      },
    ],
    [
      "range beats default",
      {
        responses: { "4XX": {}, default: { "application/json": acceptAll } },
        status: 404,
        type: "application/json",
        body: {},
        want: ["body"],
      },
    ],
    [
      "default covers any status",
      {
        responses: { default: { "application/json": acceptAll } },
        status: 302,
        type: "application/json",
        body: {},
        want: [],
      },
    ],
    ["undocumented status", { responses: { "204": {} }, status: 200, type: null, body: undefined, want: ["status"] }],
    [
      "204 documented without content, arriving with a body",
      { responses: { "204": {} }, status: 204, type: "application/json", body: { a: 1 }, want: ["body"] },
    ],
    [
      "204 documented without content, arriving empty",
      { responses: { "204": {} }, status: 204, type: null, body: undefined, want: [] },
    ],
    [
      "no body where content is documented is not checked",
      { responses: { "200": { "application/json": rejectAll } }, status: 200, type: null, body: undefined, want: [] },
    ],
    [
      "media type parameters and case are ignored",
      {
        responses: { "200": { "application/json": rejectAll } },
        status: 200,
        type: "Application/JSON; charset=utf-8",
        body: {},
        want: ["type"],
      },
    ],
    [
      "undocumented media type",
      {
        responses: { "200": { "application/json": acceptAll } },
        status: 200,
        type: "application/problem+json",
        body: {},
        want: ["mediaType"],
      },
    ],
    [
      "body without Content-Type",
      {
        responses: { "200": { "application/json": acceptAll } },
        status: 200,
        type: null,
        body: "x",
        want: ["mediaType"],
      },
    ],
    [
      "documented media range",
      {
        responses: { "200": { "application/*": rejectAll } },
        status: 200,
        type: "application/xml",
        body: "<a/>",
        want: ["type"],
      },
    ],
    [
      "documented */* takes anything",
      { responses: { "200": { "*/*": acceptAll } }, status: 200, type: null, body: "x", want: [] },
    ],
    [
      "nothing documented: nothing to hold the response to",
      { responses: {}, status: 418, type: "text/plain", body: "x", want: [] },
    ],
  ];
  it.each(cases)("%s", (_name, { responses, status, type, body, want }) => {
    const issues = validateResponse("op", { responses }, status, type, body);
    expect(issues.map((i) => i.keyword)).toEqual(want);
  });
});
