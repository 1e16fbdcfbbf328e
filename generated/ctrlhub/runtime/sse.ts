/**
 * `text/event-stream` responses as an async iterator of events (WHATWG HTML §9.2 parsing: `data`, `event`, `id`,
 * `retry`, comments, CRLF/LF/CR line ends). When the connection breaks before the server ends the stream, the
 * runtime reconnects with `Last-Event-ID` after the server's `retry` delay; a stream the server ends cleanly ends
 * the iteration. Breaking out of the loop or aborting the signal closes the connection.
 */
export interface ServerSentEvent<T = unknown> {
  /** The `event` field; "message" when the server sent none. */
  event: string;
  /** The data lines joined by "\n", parsed as JSON when the document says the data is not a string. */
  data: T;
  id?: string;
  retry?: number;
}

export interface SseSpec {
  /** Parse `data` as JSON (its schema is not a plain string). */
  json: boolean;
}

export interface SseOptions {
  /** Reconnects after a broken connection (default 5); each resumes from the last event id. */
  maxReconnects?: number;
  /** Wait before reconnecting when the server sent no `retry` (default 1000 ms). */
  reconnectDelayMs?: number;
}

/** Parses a byte stream into raw events (data still text). */
export async function* parseEventStream(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string; id?: string; retry?: number }, void, undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  let event = "";
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // At the end a trailing lone CR is a complete line end (there is no LF to wait for).
      if (done && !buffer.endsWith("\r")) return;
      buffer += done ? "\n" : decoder.decode(value, { stream: true });
      let start = 0;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer.slice(start));
        if (!match) break;
        // A lone CR at the very end may be the first half of CRLF: wait for more input.
        if (match[0] === "\r" && start + match.index === buffer.length - 1) break;
        const line = buffer.slice(start, start + match.index);
        start += match.index + match[0].length;
        if (line === "") {
          if (data.length > 0) {
            yield {
              event: event || "message",
              data: data.join("\n"),
              ...(id !== undefined ? { id } : {}),
              ...(retry !== undefined ? { retry } : {}),
            };
          }
          data = [];
          event = "";
          retry = undefined;
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? "" : line.slice(colon + 1);
        if (text.startsWith(" ")) text = text.slice(1);
        if (field === "data") data.push(text);
        else if (field === "event") event = text;
        else if (field === "id" && !text.includes("\0")) id = text;
        else if (field === "retry" && /^\d+$/.test(text)) retry = Number(text);
      }
      buffer = buffer.slice(start);
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Events of one logical stream across reconnects. `connect(lastEventId)` opens a connection and resolves to its
 * body; errors from it (an ApiError, an abort) end the iteration with that error.
 */
export async function* eventSource<T>(
  spec: SseSpec,
  connect: (lastEventId: string | undefined) => Promise<ReadableStream<Uint8Array>>,
  options: SseOptions,
  signal: AbortSignal | undefined,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
): AsyncGenerator<ServerSentEvent<T>, void, undefined> {
  let lastId: string | undefined;
  let delay = options.reconnectDelayMs ?? 1000;
  let reconnects = 0;
  for (;;) {
    const body = await connect(lastId);
    try {
      for await (const raw of parseEventStream(body)) {
        // Events already buffered must not outlive an abort.
        if (signal?.aborted) throw signal.reason;
        if (raw.id !== undefined) lastId = raw.id;
        if (raw.retry !== undefined) delay = raw.retry;
        yield { ...raw, data: (spec.json ? parseJson(raw.data) : raw.data) as T };
      }
      return;
    } catch (error) {
      if (signal?.aborted || reconnects >= (options.maxReconnects ?? 5)) throw error;
      reconnects++;
      await sleep(delay, signal);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
