import { describe, expect, it } from "vitest";
import { decodeBody, serialiseBody } from "../../generator/runtime/body.js";

describe("serialiseBody", () => {
  it.each([
    ["JSON", { a: 1 }, "application/json", '{"a":1}', "application/json"],
    [
      "JSON:API",
      { data: { type: "t" } },
      "application/vnd.api+json",
      '{"data":{"type":"t"}}',
      "application/vnd.api+json",
    ],
    ["no media type", [1], undefined, "[1]", "application/json"],
    [
      "form, nested and repeated",
      { a: "x y", b: [1, 2], m: { k: "v", n: { d: true } } },
      "application/x-www-form-urlencoded",
      "a=x+y&b=1&b=2&m%5Bk%5D=v&m%5Bn%5D%5Bd%5D=true",
      "application/x-www-form-urlencoded",
    ],
    ["text", "plain", "text/plain", "plain", "text/plain"],
  ])("%s", (_name, value, mediaType, body, contentType) => {
    expect(serialiseBody(value, mediaType)).toEqual({ body, contentType });
  });
});

describe("decodeBody", () => {
  it.each([
    ["JSON", '{"a":1}', "application/json; charset=utf-8", { a: 1 }],
    ["JSON:API", '{"data":null}', "application/vnd.api+json", { data: null }],
    ["text stays text", "hello", "text/plain", "hello"],
    ["broken JSON stays text", "{nope", "application/json", "{nope"],
    ["already parsed (error bodies)", { a: 1 }, "application/json", { a: 1 }],
  ])("%s", (_name, raw, contentType, want) => {
    expect(decodeBody(raw, contentType)).toEqual(want);
  });
});
