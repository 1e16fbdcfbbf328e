/** Reading declared response headers into typed values (runtime/response-headers.ts), table-driven. */
import { describe, expect, it } from "vitest";
import { readResponseHeaders, type ResponseHeadersSpec } from "../../generator/runtime/response-headers.js";

const SPECS: ResponseHeadersSpec = {
  "200": [
    { name: "X-Count", type: "integer" },
    { name: "X-Ratio", type: "number" },
    { name: "X-On", type: "boolean" },
    { name: "X-Ids", shape: "array", type: "integer" },
    { name: "X-Tags", shape: "array" },
    { name: "X-Pos", shape: "object", properties: { x: "integer" } },
    { name: "X-Pos-Exploded", shape: "object", explode: true, properties: { x: "integer" } },
    { name: "X-Json", content: "application/json" },
    { name: "X-Text" },
  ],
  "4XX": [{ name: "Retry-After", type: "integer" }],
  default: [{ name: "X-Request-Id" }],
};

const cases: Array<[string, { status: number; sent: Record<string, string>; want: Record<string, unknown> }]> = [
  [
    "scalars by schema type",
    {
      status: 200,
      sent: { "x-count": "7", "X-Ratio": "0.25", "X-On": "false", "X-Text": " a b " },
      want: { "X-Count": 7, "X-Ratio": 0.25, "X-On": false, "X-Text": "a b" },
    },
  ],
  [
    "arrays and objects (simple style, explode on and off)",
    {
      status: 200,
      sent: { "X-Ids": "1, 2,3", "X-Tags": "a,b", "X-Pos": "x,1,label,a", "X-Pos-Exploded": "x=2,label=b" },
      want: {
        "X-Ids": [1, 2, 3],
        "X-Tags": ["a", "b"],
        "X-Pos": { x: 1, label: "a" },
        "X-Pos-Exploded": { x: 2, label: "b" },
      },
    },
  ],
  ["a content header is JSON", { status: 200, sent: { "X-Json": '{"a":[1]}' }, want: { "X-Json": { a: [1] } } }],
  [
    "values off their type are absent, not guessed",
    {
      status: 200,
      sent: { "X-Count": "1.5", "X-Ratio": "abc", "X-On": "yes", "X-Ids": "1,x", "X-Pos": "x,1,odd", "X-Json": "{" },
      want: {},
    },
  ],
  ["a status class, then default", { status: 429, sent: { "Retry-After": "3" }, want: { "Retry-After": 3 } }],
  ["default for anything else", { status: 500, sent: { "X-Request-Id": "r1" }, want: { "X-Request-Id": "r1" } }],
  ["undeclared headers are left out", { status: 200, sent: { "X-Other": "1" }, want: {} }],
];

describe("readResponseHeaders", () => {
  it.each(cases)("%s", (_name, { status, sent, want }) => {
    expect(readResponseHeaders(SPECS, status, new Headers(sent))).toEqual(want);
  });

  it("a __proto__ member of an object header stays a plain member", () => {
    const read = readResponseHeaders(SPECS, 200, new Headers({ "X-Pos-Exploded": "__proto__=1,x=2" }));
    const pos = read["X-Pos-Exploded"] as Record<string, unknown>;
    expect(Object.getPrototypeOf(pos)).toBe(Object.prototype);
    expect(Object.keys(pos)).toEqual(["__proto__", "x"]);
  });
});
