/**
 * `text/event-stream` responses: the mock streams events whose `data` validates against the document (3.2
 * `itemSchema`, or the `data` property of the media schema), each with an increasing `id`. A request carrying
 * `Last-Event-ID: n` resumes at n + 1. Test controls (headers): `x-mock-sse-events` (how many, default 3, at most
 * 100,000) and `x-mock-sse-drop-after` (break the connection after that event id, to exercise reconnects).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { follow, isRecord } from "../openapi/pointer.js";
import type { MockMedia, MockOperation } from "./operation-types.js";
import { responseFor } from "./respond.js";
import type { SchemaRegistry } from "./schemas.js";
import { synthesize } from "./synth.js";

const MAX_EVENTS = 100_000;
const BATCH = 200;

export function eventStreamFor(op: MockOperation, status: number, accept: string | undefined): MockMedia | undefined {
  const media = responseFor(op, status)?.content ?? [];
  const stream = media.find((m) => m.mediaType.toLowerCase() === "text/event-stream");
  if (!stream) return undefined;
  const others = media.filter((m) => m !== stream);
  // Another documented media type wins unless the client asks for events (or there is no other).
  return others.length === 0 || (accept ?? "").toLowerCase().includes("text/event-stream") ? stream : undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function count(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n >= 0 ? Math.min(n, MAX_EVENTS) : fallback;
}

export function sendEvents(
  registry: SchemaRegistry,
  req: IncomingMessage,
  res: ServerResponse,
  op: MockOperation,
  media: MockMedia,
): void {
  const total = count(header(req, "x-mock-sse-events"), 3);
  const dropAfter = header(req, "x-mock-sse-drop-after");
  const last = header(req, "last-event-id");
  const start = last !== undefined && /^\d+$/.test(last) ? Number(last) + 1 : 0;
  const drop =
    dropAfter !== undefined && /^\d+$/.test(dropAfter) && Number(dropAfter) >= start ? Number(dropAfter) : undefined;
  const { data, event } = eventShape(registry, media);
  res.setHeader("x-mock-operation", encodeURIComponent(op.id));
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    "access-control-allow-origin": "*",
  });
  const line = (id: number): string =>
    `${event ? `event: ${event}\n` : ""}id: ${id}\ndata: ${typeof data === "string" ? data.replace(/\n/g, "\ndata: ") : JSON.stringify(data)}\n\n`;
  let id = start;
  const pump = (): void => {
    while (id < total && !res.destroyed) {
      const end = Math.min(total, id + BATCH, drop !== undefined ? drop + 1 : total);
      let chunk = "";
      for (; id < end; id++) chunk += line(id);
      if (drop !== undefined && id > drop) {
        // Break the connection mid-stream: the client sees a truncated body, as after a network failure.
        res.write(chunk, () => res.socket?.destroy());
        return;
      }
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** The event's data (synthesised once) and its `event` name when the schema fixes one. */
function eventShape(registry: SchemaRegistry, media: MockMedia): { data: unknown; event?: string } {
  const fragment = media.itemSchema ?? media.schema;
  const schema = fragment ? follow(registry.document, fragment).value : undefined;
  const props = isRecord(schema) && isRecord(schema.properties) ? schema.properties : undefined;
  if (!props || props.data === undefined) return { data: synthesize(registry.document, schema) };
  const eventSchema = isRecord(props.event) ? props.event : {};
  const name =
    typeof eventSchema.const === "string"
      ? eventSchema.const
      : Array.isArray(eventSchema.enum)
        ? eventSchema.enum[0]
        : undefined;
  const resolve = (value: unknown): unknown =>
    isRecord(value) && typeof value.$ref === "string"
      ? follow(registry.document, value.$ref.replace(/^[^#]*#/, "")).value
      : value;
  const dataSchema = resolve(props.data);
  // 3.2 style: JSON carried in a string (`contentMediaType: application/json` + `contentSchema`).
  const data =
    isRecord(dataSchema) && dataSchema.type === "string" && dataSchema.contentSchema !== undefined
      ? JSON.stringify(synthesize(registry.document, resolve(dataSchema.contentSchema)))
      : synthesize(registry.document, dataSchema);
  return typeof name === "string" ? { data, event: name } : { data };
}
