/**
 * Type tests for the five generated clients, enforced by `npm run typecheck` (tsc includes test/**): each
 * `@ts-expect-error` must stay an error, each expectTypeOf must hold. Nothing here is called at runtime.
 */
import { expectTypeOf } from "vitest";
import { createCtrlhubClient } from "../../generated/ctrlhub/index.js";
import { createEmnifyClient } from "../../generated/emnify/index.js";
import { createKareClient } from "../../generated/kare/index.js";
import { createPiriodClient, type RequestShape, type ResponseShape } from "../../generated/piriod/index.js";
import { ApiError, createPylonClient, type ApiResult } from "../../generated/pylon/index.js";

const contact = { name: "Ada", email: "ada@example.com", invoicing: true, collections: true };

export async function piriod(): Promise<void> {
  const client = createPiriodClient({ auth: { apiToken: "k" }, headers: { xSimpleWorkspace: "ws_1" } });
  const updated = await client.contacts.update("c_1", contact);
  // A readOnly `id` comes back in the response…
  expectTypeOf(updated.id).toEqualTypeOf<string | undefined>();
  // …but can never be sent.
  // @ts-expect-error readOnly `id` is not part of the request shape
  await client.contacts.update("c_1", { ...contact, id: "c_2" });
  expectTypeOf<RequestShape<"Contact">["created"]>().toEqualTypeOf<undefined>();
  expectTypeOf<ResponseShape<"Contact">["created"]>().toEqualTypeOf<string | undefined>();
  // @ts-expect-error wrong body field
  await client.contacts.update("c_1", { ...contact, nmae: "typo" });
  // @ts-expect-error required body field missing
  await client.contacts.update("c_1", { email: "a@b.co" });
  // @ts-expect-error the workspace header is a required client option
  createPiriodClient({ auth: { apiToken: "k" }, headers: {} });
  // @ts-expect-error headers are required at construction
  createPiriodClient({ auth: { apiToken: "k" } });
  // @ts-expect-error test mode is a boolean
  createPiriodClient({ auth: { apiToken: "k" }, headers: { xSimpleWorkspace: "w", xPiriodTestMode: "yes" } });
  createPiriodClient({
    auth: { apiToken: async () => "k" },
    headers: { xSimpleWorkspace: "w", xPiriodTestMode: true },
  });
}

export async function kare(): Promise<void> {
  const client = createKareClient({ auth: { bearerAuth: "b" }, headers: { xSessionToken: "s" } });
  await client.contacts.update(1, 2, { notify: true });
  // @ts-expect-error companyId is an integer path parameter
  await client.contacts.update("1", 2, { notify: true });
  // @ts-expect-error the session token is a required client option
  createKareClient({ auth: { bearerAuth: "b" } });
}

export async function pylon(): Promise<void> {
  const client = createPylonClient({ auth: { bearerAuth: "t" } });
  await client.contacts.get("c", { query: { limit: 10 } });
  // @ts-expect-error `limit` is a required query parameter of getContact
  await client.contacts.get("c");
  // @ts-expect-error wrong body field
  await client.contacts.update("c", { nmae: "x" });
  // @ts-expect-error id is a string
  await client.contacts.delete(42);
  for await (const item of client.contacts.listAll()) expectTypeOf(item.email).toEqualTypeOf<string | undefined>();
  // @ts-expect-error auth is required
  createPylonClient({});

  const results = createPylonClient({ auth: { bearerAuth: "t" }, throwOnError: false });
  const result = await results.contacts.delete("c");
  expectTypeOf(result).toExtend<ApiResult<unknown, ApiError<unknown, number>>>();
  if (result.error) expectTypeOf(result.error.status).toEqualTypeOf<401>();
  const thrown = await client.contacts.delete("c", { throwOnError: false });
  expectTypeOf(thrown.response).toEqualTypeOf<Response>();
}

export async function ctrlhub(): Promise<void> {
  const client = createCtrlhubClient({ auth: { sessionToken: "s" } });
  const doc = await client.contacts.update("org", "c", { data: { type: "contacts" } });
  expectTypeOf(doc).toHaveProperty("data");
  // @ts-expect-error JSON:API document members only
  await client.contacts.update("org", "c", { attributes: {} });
}

export async function emnify(): Promise<void> {
  const client = createEmnifyClient({ auth: { bearerAuth: "t" } });
  // @ts-expect-error missing path parameter
  await client.contacts.update({});
}
