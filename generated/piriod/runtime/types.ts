/**
 * Type helpers over openapi-typescript's output (`paths[path][method]`), so generated method signatures stay short
 * and every type comes from the one emitted types.ts. `$Read`/`$Write` mirror openapi-typescript's
 * `readWriteMarkers` brands structurally: request shapes drop readOnly members, response shapes drop writeOnly ones.
 */
import type { ApiError } from "./errors.js";

type ReadMarker<T> = { readonly $read: T };
type WriteMarker<T> = { readonly $write: T };

/** The shape a server sends: writeOnly members removed, readOnly markers unwrapped. */
export type Readable<T> =
  T extends WriteMarker<unknown>
    ? never
    : T extends ReadMarker<infer U>
      ? Readable<U>
      : T extends (infer E)[]
        ? Readable<E>[]
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends WriteMarker<unknown> ? never : K]: Readable<T[K]> }
          : T;

/** The shape a client sends: readOnly members removed (never required), writeOnly markers unwrapped. */
export type Writable<T> =
  T extends ReadMarker<unknown>
    ? never
    : T extends WriteMarker<infer U>
      ? Writable<U>
      : T extends (infer E)[]
        ? Writable<E>[]
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends ReadMarker<unknown> ? never : K]: Writable<T[K]> } & {
              [K in keyof T as NonNullable<T[K]> extends ReadMarker<unknown> ? K : never]?: never;
            }
          : T;

type Parameters_<Op> = Op extends { parameters: infer P } ? NonNullable<P> : never;

/** Type of one path parameter. */
export type PathParam<Op, K extends string> =
  Parameters_<Op> extends { path?: infer P } ? (K extends keyof NonNullable<P> ? NonNullable<P>[K] : string) : string;

/** The operation's query object. */
export type QueryParams<Op> = Parameters_<Op> extends { query?: infer Q } ? NonNullable<Q> : never;

/** The named per-call header parameters (client-level headers and auth headers are excluded by the generator). */
export type HeaderParams<Op, K extends string> =
  Parameters_<Op> extends { header?: infer H } ? Pick<NonNullable<H>, K & keyof NonNullable<H>> : never;

/** The named cookie parameters. */
export type CookieParams<Op, K extends string> =
  Parameters_<Op> extends { cookie?: infer C } ? Pick<NonNullable<C>, K & keyof NonNullable<C>> : never;

/** One header parameter's type, for client-level header options. */
export type HeaderParam<Op, K extends string> =
  Parameters_<Op> extends { header?: infer H } ? (K extends keyof NonNullable<H> ? NonNullable<H>[K] : string) : string;

/** Request body of one media type, as sent. */
export type RequestBody<Op, MediaType extends string> = Op extends { requestBody?: infer RB }
  ? NonNullable<RB> extends { content: infer C }
    ? MediaType extends keyof C
      ? Writable<C[MediaType]>
      : never
    : never
  : never;

/** Response body of one status and media type, as received; `undefined` when the status has no content. */
export type ResponseBody<Op, Status extends string | number, MediaType extends string> = Op extends {
  responses: infer R;
}
  ? Status extends keyof R
    ? NonNullable<R[Status]> extends { content: infer C }
      ? MediaType extends keyof NonNullable<C>
        ? Readable<NonNullable<C>[MediaType]>
        : unknown
      : undefined
    : unknown
  : unknown;

/** One documented success status of a call's result: its status, its data and its declared response headers. */
export interface Success<Data = unknown, Status extends number = number, Headers = Readonly<Record<string, unknown>>> {
  status: Status;
  data: Data;
  headers: Headers;
}

/**
 * `{ data, error, response }` returned when throwOnError is false: `error` is the ApiError of an HTTP error status.
 * A success also carries `status` and the declared response `headers`, typed per documented status (`Ok`).
 * What stops a call before anything is sent (RequestError: a missing credential, an unsafe header; ValidationError
 * of the request in strict mode) and what ends it without an answer (network errors, TimeoutError, aborts) throw
 * in both modes: they are not answers from the API, and a result with no response would hide them.
 */
export type ApiResult<
  Data,
  Err extends ApiError<unknown, number>,
  Ok extends Success<unknown, number, unknown> = Success<Data>,
> = (Ok & { error: undefined; response: Response }) | { data: undefined; error: Err; response: Response };

/** One declared response header's value type (a `content` header: of that media type), from types.ts. */
export type ResponseHeader<
  Op,
  Status extends string | number,
  Name extends string,
  MediaType extends string = never,
> = Op extends {
  responses: infer R;
}
  ? Status extends keyof R
    ? NonNullable<R[Status]> extends { headers: infer H }
      ? Name extends keyof H
        ? [MediaType] extends [never]
          ? Exclude<H[Name], undefined>
          : MediaType extends keyof NonNullable<H[Name]>
            ? NonNullable<H[Name]>[MediaType]
            : unknown
        : unknown
      : unknown
    : unknown
  : unknown;

/** What a request body of a binary media type may be. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

/** The data a call resolves to for a `parseAs` choice ("auto": by the response's media type, typed from the document). */
export type ParsedAs<P, Data> = P extends "stream"
  ? ReadableStream<Uint8Array> | null
  : P extends "blob"
    ? Blob
    : P extends "arrayBuffer"
      ? ArrayBuffer
      : P extends "text"
        ? string
        : P extends "json"
          ? unknown
          : Data;

/** The `data` of an event-stream schema that describes whole events (`{ data, event, id }`), else the schema itself. */
export type SseData<T> = [T] extends [never] ? unknown : T extends { data?: infer D } ? Exclude<D, undefined> : T;

/** What a call resolves to: the data (throwing mode) or an ApiResult (with `Ok`: typed per success status). */
export type Outcome<
  Throw extends boolean,
  Data,
  Err extends ApiError<unknown, number>,
  Ok extends Success<unknown, number, unknown> = Success<Data>,
> = Throw extends false ? ApiResult<Data, Err, Ok> : Data;

type PointerSegments<P extends string> = P extends `/${infer Head}/${infer Rest}`
  ? [Head, ...PointerSegments<`/${Rest}`>]
  : P extends `/${infer Head}`
    ? [Head]
    : [];

type AtSegments<T, S extends string[]> = S extends [infer H extends string, ...infer R extends string[]]
  ? H extends keyof NonNullable<T>
    ? AtSegments<NonNullable<T>[H], R>
    : unknown
  : T;

/** Element type of the array a JSON Pointer (`/data`) designates inside a page. */
export type PageItem<Page, Pointer extends string> =
  AtSegments<Page, PointerSegments<Pointer>> extends readonly (infer E)[] ? E : unknown;
