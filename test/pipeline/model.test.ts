import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../generator/load/load.js";
import { buildModel } from "../../generator/model/build.js";
import { methodNameInGroup } from "../../generator/model/names.js";

async function modelOf(yaml: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "model-"));
  const file = path.join(dir, "openapi.yaml");
  await writeFile(file, yaml);
  return buildModel(await loadDocument(file), "demo");
}

describe("method names inside a tag group", () => {
  it.each([
    ["updateContact", "contacts", "update"],
    ["listContacts", "contacts", "list"],
    ["searchContacts", "Contacts", "search"],
    ["createSpecialEvent", "events", "createSpecialEvent"],
    ["getMuseumHours", "operations", "getMuseumHours"],
    ["contact", "contacts", "contact"],
    ["delete_contact", "contacts", "delete"],
  ])("%s in %s → %s", (operationId, tag, want) => expect(methodNameInGroup(operationId, tag)).toBe(want));
});

describe("buildModel", () => {
  it("hoists headers every operation documents into client options and orders path params by the template", async () => {
    const model = await modelOf(`openapi: 3.1.0
info: {title: Demo, version: "1.0.0"}
servers: [{url: "https://api.example.com/base/"}]
components:
  securitySchemes:
    token: {type: apiKey, in: header, name: Authorization, x-auth-prefix: Token}
security: [{token: []}]
paths:
  /orgs/{org}/items/{item}:
    parameters:
      - {name: item, in: path, required: true, schema: {type: string}}
      - {name: org, in: path, required: true, schema: {type: integer}}
      - {name: x-workspace, in: header, required: true, schema: {type: string}}
      - {name: Content-Type, in: header, required: true, schema: {type: string}}
    get:
      operationId: getItem
      tags: [items]
      parameters: [{name: x-trace, in: header, schema: {type: string}}]
      responses: {"200": {description: ok}, "404": {description: missing}, "4XX": {description: other}}
    delete:
      tags: [items]
      responses: {"204": {description: gone}}
`);
    expect(model.servers[0]).toMatchObject({ basePath: "/base" });
    expect(model.clientHeaders.map((h) => [h.name, h.required])).toEqual([["x-workspace", true]]);
    expect(model.securitySchemes[0]).toMatchObject({ type: "apiKey", name: "Authorization", prefix: "Token" });
    const [del, get] = model.operations;
    expect(get?.pathParams.map((p) => p.name)).toEqual(["org", "item"]);
    expect(get?.headerParams.map((p) => p.name)).toEqual(["x-trace"]);
    expect(get?.responses.map((r) => [r.status, r.isSuccess])).toEqual([
      ["200", true],
      ["404", false],
      ["4XX", false],
    ]);
    expect(del).toMatchObject({
      id: "deleteOrgsOrgItemsItem",
      idempotent: true,
      group: "items",
      security: [["token"]],
    });
  });

  it("keeps operation ids unique when two derive to the same name", async () => {
    const model = await modelOf(`openapi: 3.0.3
info: {title: Demo, version: "1"}
paths:
  /a-b: {get: {responses: {"200": {description: ok}}}}
  /a_b: {get: {responses: {"200": {description: ok}}}}
`);
    expect(model.operations.map((o) => o.id).sort()).toEqual(["getAB", "getAB2"]);
  });
});
