import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../generator/diff/document.js";
import type { Change, ChangeLevel } from "../../generator/diff/types.js";
import type { OpenApiDocument } from "../../generator/load/openapi-types.js";
import { baseDoc } from "./base-doc.js";

type Node = Record<string, unknown>;

/** The object at `keys` inside the document, for in-place edits. */
function node(doc: OpenApiDocument | Node, ...keys: string[]): Node {
  let current: unknown = doc;
  for (const key of keys) current = (current as Node)[key];
  if (typeof current !== "object" || current === null) throw new Error(`no object at ${keys.join(" / ")}`);
  return current as Node;
}

const schema = (d: OpenApiDocument, name: string, ...rest: string[]) => node(d, "components", "schemas", name, ...rest);
const prop = (d: OpenApiDocument, name: string, property: string) => schema(d, name, "properties", property);
const op = (d: OpenApiDocument, path: string, method: string) => node(d, "paths", path, method);
const ITEM = "/contacts/{id}";

interface Case {
  /** Applied to both versions first, when the base needs a feature the change then modifies. */
  setup?: (d: OpenApiDocument) => void;
  change: (d: OpenApiDocument) => void;
  kind: string;
  level: ChangeLevel;
  /** Substring of the change's location, to pin the direction. */
  where?: string;
}

const cases: Array<[string, Case]> = [
  // operations
  [
    "removed operation",
    { change: (d) => void delete node(d, "paths", ITEM).patch, kind: "operation-removed", level: "breaking" },
  ],
  [
    "added operation",
    {
      change: (d) =>
        void (node(d, "paths", ITEM).delete = {
          operationId: "deleteContact",
          tags: ["contacts"],
          responses: { "204": { description: "Gone" } },
        }),
      kind: "operation-added",
      level: "non-breaking",
    },
  ],
  [
    "path changed, same operationId",
    {
      change: (d) => {
        const paths = node(d, "paths");
        paths["/people"] = paths["/contacts"];
        delete paths["/contacts"];
      },
      kind: "operation-moved",
      level: "breaking",
    },
  ],
  [
    "operationId renamed (client method renamed)",
    {
      change: (d) => void (op(d, ITEM, "patch").operationId = "editContact"),
      kind: "operation-id-changed",
      level: "breaking",
    },
  ],
  [
    "first tag changed (client group moves)",
    {
      change: (d) => void (op(d, ITEM, "patch").tags = ["people"]),
      kind: "operation-group-changed",
      level: "breaking",
    },
  ],
  [
    "operation deprecated",
    { change: (d) => void (op(d, ITEM, "patch").deprecated = true), kind: "deprecated", level: "non-breaking" },
  ],
  [
    "summary reworded",
    { change: (d) => void (op(d, ITEM, "get").summary = "Fetch one contact"), kind: "summary-changed", level: "docs" },
  ],
  // parameters
  [
    "removed query parameter",
    {
      change: (d) =>
        void (op(d, "/contacts", "get").parameters = [
          { name: "format", in: "query", schema: { type: "string" }, style: "form" },
        ]),
      kind: "parameter-removed",
      level: "breaking",
    },
  ],
  [
    "new required header",
    {
      change: (d) =>
        void (op(d, ITEM, "patch").parameters as unknown[]).push({
          name: "X-Workspace",
          in: "header",
          required: true,
          schema: { type: "string" },
        }),
      kind: "parameter-added-required",
      level: "breaking",
    },
  ],
  [
    "new optional query parameter",
    {
      change: (d) =>
        void (op(d, ITEM, "get").parameters as unknown[]).push({
          name: "expand",
          in: "query",
          schema: { type: "string" },
        }),
      kind: "parameter-added",
      level: "non-breaking",
    },
  ],
  [
    "query parameter became required",
    {
      change: (d) => void (node(d, "paths", "/contacts", "get", "parameters", "0").required = true),
      kind: "parameter-became-required",
      level: "breaking",
    },
  ],
  [
    "path parameter renamed in the template",
    {
      change: (d) => {
        const paths = node(d, "paths");
        const item = paths[ITEM] as Node;
        paths["/contacts/{contactId}"] = item;
        delete paths[ITEM];
        for (const m of ["get", "patch"]) node(item, m, "parameters", "0").name = "contactId";
      },
      kind: "path-parameter-renamed",
      level: "non-breaking",
    },
  ],
  [
    "parameter serialization changed",
    {
      change: (d) => void (node(d, "paths", "/contacts", "get", "parameters", "1").style = "pipeDelimited"),
      kind: "parameter-serialization-changed",
      level: "breaking",
    },
  ],
  [
    "query parameter bound tightened",
    {
      change: (d) => void (node(d, "paths", "/contacts", "get", "parameters", "0", "schema").maximum = 50),
      kind: "bound-tightened",
      level: "breaking",
      where: "query parameter limit",
    },
  ],
  // request bodies
  [
    "new required request property",
    {
      change: (d) => {
        prop(d, "ContactUpdate", "name");
        schema(d, "ContactUpdate").required = ["nickname"];
        schema(d, "ContactUpdate", "properties").nickname = { type: "string" };
      },
      kind: "property-added-required",
      level: "breaking",
    },
  ],
  [
    "new optional request property",
    {
      change: (d) => void (schema(d, "ContactUpdate", "properties").nickname = { type: "string" }),
      kind: "property-added",
      level: "non-breaking",
      where: "request body",
    },
  ],
  [
    "request property removed",
    {
      change: (d) => void delete schema(d, "ContactUpdate", "properties").note,
      kind: "property-removed",
      level: "breaking",
      where: "request body",
    },
  ],
  [
    "request property became required",
    {
      change: (d) => void (schema(d, "ContactUpdate").required = ["note"]),
      kind: "property-became-required",
      level: "breaking",
    },
  ],
  [
    "request type narrowed number → integer",
    {
      change: (d) => void (prop(d, "ContactUpdate", "weight").type = "integer"),
      kind: "type-narrowed",
      level: "breaking",
    },
  ],
  [
    "request type widened integer → number",
    {
      change: (d) => void (prop(d, "ContactUpdate", "age").type = "number"),
      kind: "type-widened",
      level: "non-breaking",
    },
  ],
  [
    "request enum value removed",
    {
      change: (d) => void (prop(d, "ContactUpdate", "status").enum = ["active"]),
      kind: "enum-value-removed",
      level: "breaking",
    },
  ],
  [
    "request enum value added",
    {
      change: (d) => void (prop(d, "ContactUpdate", "status").enum = ["active", "archived", "blocked"]),
      kind: "enum-value-added",
      level: "non-breaking",
    },
  ],
  [
    "request enum introduced on a free string",
    { change: (d) => void (prop(d, "ContactUpdate", "note").enum = ["a", "b"]), kind: "enum-added", level: "breaking" },
  ],
  [
    "request maxLength tightened",
    {
      change: (d) => void (prop(d, "ContactUpdate", "name").maxLength = 50),
      kind: "bound-tightened",
      level: "breaking",
    },
  ],
  [
    "request maxLength loosened",
    {
      change: (d) => void (prop(d, "ContactUpdate", "name").maxLength = 200),
      kind: "bound-loosened",
      level: "non-breaking",
    },
  ],
  [
    "request pattern added",
    {
      change: (d) => void (prop(d, "ContactUpdate", "note").pattern = "^[a-z]+$"),
      kind: "pattern-added",
      level: "breaking",
    },
  ],
  [
    "request format changed",
    {
      setup: (d) => void (prop(d, "ContactUpdate", "note").format = "email"),
      change: (d) => void (prop(d, "ContactUpdate", "note").format = "uri"),
      kind: "format-changed",
      level: "breaking",
    },
  ],
  [
    "request property turns nullable",
    {
      change: (d) => void (prop(d, "ContactUpdate", "note").type = ["string", "null"]),
      kind: "nullable-added",
      level: "non-breaking",
    },
  ],
  [
    "request property loses nullable",
    {
      setup: (d) => void (prop(d, "ContactUpdate", "note").type = ["string", "null"]),
      change: (d) => void (prop(d, "ContactUpdate", "note").type = "string"),
      kind: "nullable-removed",
      level: "breaking",
    },
  ],
  [
    "request object closed (additionalProperties: false)",
    {
      change: (d) => void (schema(d, "ContactUpdate").additionalProperties = false),
      kind: "additional-properties-closed",
      level: "breaking",
    },
  ],
  [
    "request default changed (behaviour change)",
    {
      setup: (d) => void (prop(d, "ContactUpdate", "note").default = "a"),
      change: (d) => void (prop(d, "ContactUpdate", "note").default = "b"),
      kind: "default-changed",
      level: "non-breaking",
    },
  ],
  [
    "request body became required",
    {
      setup: (d) => void (node(d, "paths", ITEM, "patch", "requestBody").required = false),
      change: (d) => void (node(d, "paths", ITEM, "patch", "requestBody").required = true),
      kind: "request-body-became-required",
      level: "breaking",
    },
  ],
  [
    "request body removed",
    { change: (d) => void delete op(d, ITEM, "patch").requestBody, kind: "request-body-removed", level: "breaking" },
  ],
  [
    "request media type added",
    {
      change: (d) =>
        void (node(d, "paths", ITEM, "patch", "requestBody", "content")["application/merge-patch+json"] = {
          schema: { type: "object" },
        }),
      kind: "request-media-type-added",
      level: "non-breaking",
    },
  ],
  [
    "property turning readOnly leaves the request",
    {
      change: (d) => void (prop(d, "ContactUpdate", "note").readOnly = true),
      kind: "property-removed",
      level: "breaking",
      where: "request body",
    },
  ],
  // responses
  [
    "response enum value added (breaks exhaustive switches)",
    {
      change: (d) => void (schema(d, "Role").enum = ["admin", "member", "owner"]),
      kind: "enum-value-added",
      level: "breaking",
      where: "response 200",
    },
  ],
  [
    "response enum value removed",
    { change: (d) => void (schema(d, "Role").enum = ["admin"]), kind: "enum-value-removed", level: "non-breaking" },
  ],
  [
    "response bound loosened",
    { change: (d) => void (prop(d, "Contact", "score").maximum = 100), kind: "bound-loosened", level: "breaking" },
  ],
  [
    "response bound tightened",
    { change: (d) => void (prop(d, "Contact", "score").maximum = 5), kind: "bound-tightened", level: "non-breaking" },
  ],
  [
    "response property turns nullable (3.1 type array)",
    {
      change: (d) => void (prop(d, "Contact", "email").type = ["string", "null"]),
      kind: "nullable-added",
      level: "breaking",
    },
  ],
  [
    "response property turns nullable (3.0 nullable)",
    { change: (d) => void (prop(d, "Contact", "email").nullable = true), kind: "nullable-added", level: "breaking" },
  ],
  [
    "response property required → optional",
    {
      change: (d) => void (schema(d, "Contact").required = ["id"]),
      kind: "property-became-optional",
      level: "breaking",
    },
  ],
  [
    "response property optional → required",
    {
      change: (d) => void (schema(d, "Contact").required = ["id", "name", "email"]),
      kind: "property-became-required",
      level: "non-breaking",
    },
  ],
  [
    "response property added",
    {
      change: (d) => void (schema(d, "Contact", "properties").phone = { type: "string" }),
      kind: "property-added",
      level: "non-breaking",
    },
  ],
  [
    "response property removed",
    {
      change: (d) => void delete schema(d, "Contact", "properties").email,
      kind: "property-removed",
      level: "breaking",
      where: "response 200",
    },
  ],
  [
    "response property renamed",
    {
      change: (d) => {
        const p = schema(d, "Contact", "properties");
        p.emailAddress = p.email;
        delete p.email;
      },
      kind: "property-removed",
      level: "breaking",
    },
  ],
  [
    "response type widened string → string | integer",
    {
      change: (d) => void (prop(d, "Contact", "email").type = ["string", "integer"]),
      kind: "type-widened",
      level: "breaking",
    },
  ],
  [
    "response type changed string → integer",
    { change: (d) => void (prop(d, "Contact", "email").type = "integer"), kind: "type-changed", level: "breaking" },
  ],
  [
    "response oneOf gains an alternative",
    {
      setup: (d) => void (prop(d, "Contact", "score").oneOf = [{ type: "integer" }]),
      change: (d) => void (prop(d, "Contact", "score").oneOf = [{ type: "integer" }, { type: "string" }]),
      kind: "variant-added",
      level: "breaking",
    },
  ],
  [
    "response status removed",
    {
      change: (d) => void delete node(d, "paths", ITEM, "get", "responses")["404"],
      kind: "response-status-removed",
      level: "breaking",
    },
  ],
  [
    "status code changed 200 → 201",
    {
      change: (d) => {
        const r = node(d, "paths", ITEM, "patch", "responses");
        r["201"] = r["200"];
        delete r["200"];
      },
      kind: "response-status-removed",
      level: "breaking",
    },
  ],
  [
    "new success status (result type widens)",
    {
      change: (d) => void (node(d, "paths", ITEM, "patch", "responses")["202"] = { description: "Accepted" }),
      kind: "response-status-added",
      level: "breaking",
    },
  ],
  [
    "new error status",
    {
      change: (d) => void (node(d, "paths", ITEM, "patch", "responses")["422"] = { description: "Invalid" }),
      kind: "response-status-added",
      level: "non-breaking",
    },
  ],
  [
    "response media type replaced",
    {
      change: (d) => {
        const c = node(d, "paths", ITEM, "get", "responses", "200", "content");
        c["application/hal+json"] = c["application/json"];
        delete c["application/json"];
      },
      kind: "response-media-type-removed",
      level: "breaking",
    },
  ],
  [
    "response header removed",
    {
      setup: (d) =>
        void (node(d, "paths", ITEM, "get", "responses", "200").headers = { ETag: { schema: { type: "string" } } }),
      change: (d) => void delete node(d, "paths", ITEM, "get", "responses", "200").headers,
      kind: "response-header-removed",
      level: "breaking",
    },
  ],
  // auth, servers, document
  [
    "auth scheme swapped bearer → api key",
    { change: (d) => void (d.security = [{ apiKey: [] }]), kind: "security-changed", level: "breaking" },
  ],
  [
    "alternative auth added",
    {
      change: (d) => void (d.security = [{ bearerAuth: [] }, { apiKey: [] }]),
      kind: "security-relaxed",
      level: "non-breaking",
    },
  ],
  [
    "operation made public",
    { change: (d) => void (op(d, ITEM, "get").security = []), kind: "security-relaxed", level: "non-breaking" },
  ],
  [
    "public operation now needs auth",
    {
      setup: (d) => void (op(d, ITEM, "get").security = []),
      change: (d) => void delete op(d, ITEM, "get").security,
      kind: "security-changed",
      level: "breaking",
    },
  ],
  [
    "OAuth scope added",
    {
      setup: (d) => {
        node(d, "components", "securitySchemes").oauth = { type: "oauth2", flows: {} };
        d.security = [{ oauth: ["read"] }];
      },
      change: (d) => void (d.security = [{ oauth: ["read", "write"] }]),
      kind: "security-changed",
      level: "breaking",
    },
  ],
  [
    "api key moves to another header",
    {
      change: (d) => void (node(d, "components", "securitySchemes", "apiKey").name = "Authorization"),
      kind: "security-scheme-changed",
      level: "breaking",
    },
  ],
  [
    "base path changed",
    {
      change: (d) => void (d.servers = [{ url: "https://api.example.com/v2" }]),
      kind: "base-path-changed",
      level: "breaking",
    },
  ],
  [
    "default host changed",
    {
      change: (d) => void (d.servers = [{ url: "https://eu.example.com/v1" }]),
      kind: "server-url-changed",
      level: "breaking",
    },
  ],
  [
    "extra server added",
    {
      change: (d) =>
        void (d.servers = [{ url: "https://api.example.com/v1" }, { url: "https://sandbox.example.com/v1" }]),
      kind: "server-added",
      level: "non-breaking",
    },
  ],
  [
    "unused component schema removed (exported type)",
    { change: (d) => void delete node(d, "components", "schemas").Unused, kind: "schema-removed", level: "breaking" },
  ],
  [
    "schema description reworded",
    {
      change: (d) => void (prop(d, "Contact", "name").description = "The full name."),
      kind: "description-changed",
      level: "docs",
    },
  ],
  [
    "$ref wrapped in allOf with a description is the same type",
    {
      change: (d) =>
        void (schema(d, "Contact", "properties").role = {
          allOf: [{ $ref: "#/components/schemas/Role" }],
          description: "Role.",
        }),
      kind: "description-changed",
      level: "docs",
    },
  ],
];

const RANK: Record<ChangeLevel, number> = { docs: 0, "non-breaking": 1, breaking: 2 };
const worst = (changes: Change[]) => Math.max(-1, ...changes.map((c) => RANK[c.level]));

describe("spec change classification", () => {
  it("covers at least 25 kinds of change", () => {
    expect(new Set(cases.map(([, c]) => c.kind)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)("%s", (_name, { setup, change, kind, level, where }) => {
    const before = baseDoc();
    setup?.(before);
    const after = structuredClone(before);
    change(after);
    const changes = diffDocuments(before, after);
    const match = changes.find((c) => c.kind === kind && c.level === level && (!where || c.location.includes(where)));
    expect(
      match,
      `want ${kind}/${level}${where ? ` at ${where}` : ""} in:\n${JSON.stringify(changes, null, 2)}`,
    ).toBeDefined();
    // Nothing in the change is judged more severe than the expected level.
    expect(worst(changes)).toBe(RANK[level]);
  });

  it("stops at recursive $refs and reports a shared schema change once per operation", () => {
    const before = baseDoc();
    const after = structuredClone(before);
    prop(after, "Contact", "score").type = "string";
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => `${c.operation} ${c.kind}`).sort()).toEqual([
      "GET /contacts type-changed",
      "GET /contacts/{id} type-changed",
      "PATCH /contacts/{id} type-changed",
    ]);
  });

  it("compares each pair of referenced schemas once, even when reached along 2^24 paths", () => {
    // L0 → (left, right) → L1 → … → L24: a walk without memoisation would visit 2^24 copies of L24.
    const before = baseDoc();
    const schemas = before.components!.schemas!;
    for (let i = 0; i < 24; i++) {
      const next = { $ref: `#/components/schemas/L${i + 1}` };
      schemas[`L${i}`] = { type: "object", properties: { left: next, right: next } };
    }
    schemas.L24 = { type: "object", properties: { leaf: { type: "string" } } };
    (schemas.Contact as { properties: Record<string, unknown> }).properties.tree = { $ref: "#/components/schemas/L0" };
    const after = structuredClone(before);
    (after.components!.schemas!.L24 as { properties: Record<string, unknown> }).properties.leaf = { type: "integer" };
    const changes = diffDocuments(before, after).filter((c) => c.operation === "GET /contacts/{id}");
    expect(changes.map((c) => [c.kind, c.location])).toEqual([
      ["type-changed", `response 200 (application/json) › tree${".left".repeat(24)}.leaf`],
    ]);
  });

  it("finds nothing between identical documents", () => {
    expect(diffDocuments(baseDoc(), baseDoc())).toEqual([]);
  });

  it("judges one shared enum both ways: safe to send more, breaking to receive more", () => {
    const before = baseDoc();
    schema(before, "ContactUpdate", "properties").role = { $ref: "#/components/schemas/Role" };
    const after = structuredClone(before);
    schema(after, "Role").enum = ["admin", "member", "owner"];
    const levels = diffDocuments(before, after)
      .filter((c) => c.kind === "enum-value-added")
      .map((c) => `${c.location.split(" ")[0]}:${c.level}`);
    expect(new Set(levels)).toEqual(new Set(["request:non-breaking", "response:breaking"]));
  });
});

describe("OpenAPI 3.2 additionalOperations", () => {
  const purge = () => ({
    operationId: "purgeContact",
    tags: ["contacts"],
    parameters: [{ name: "soft", in: "query", schema: { type: "boolean" } }],
    responses: { "204": { description: "Purged" } },
  });
  const withPurge = (): OpenApiDocument => {
    const doc = baseDoc();
    node(doc, "paths", ITEM).additionalOperations = { PURGE: purge() };
    return doc;
  };
  const summary = (changes: Change[]) => changes.map((c) => `${c.operation} ${c.kind} ${c.level}`);

  it("an added custom-method operation is reported like a standard one", () => {
    expect(summary(diffDocuments(baseDoc(), withPurge()))).toEqual([
      "PURGE /contacts/{id} operation-added non-breaking",
    ]);
  });

  it("a removed one is breaking", () => {
    expect(summary(diffDocuments(withPurge(), baseDoc()))).toEqual(["PURGE /contacts/{id} operation-removed breaking"]);
  });

  it("changes inside one are compared like any operation's (a parameter made required)", () => {
    const after = withPurge();
    const params = node(after, "paths", ITEM, "additionalOperations", "PURGE").parameters as Node[];
    params[0]!.required = true;
    const changes = diffDocuments(withPurge(), after);
    expect(summary(changes)).toEqual(["PURGE /contacts/{id} parameter-became-required breaking"]);
  });

  it("a renamed method keeps its operationId and is reported as moved", () => {
    const after = baseDoc();
    node(after, "paths", ITEM).additionalOperations = { WIPE: purge() };
    expect(summary(diffDocuments(withPurge(), after))).toEqual(["WIPE /contacts/{id} operation-moved breaking"]);
  });

  it("identical documents with additionalOperations differ in nothing", () => {
    expect(diffDocuments(withPurge(), withPurge())).toEqual([]);
  });
});
