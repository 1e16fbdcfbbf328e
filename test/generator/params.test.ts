/**
 * Parameter serialisation against the style examples of OpenAPI 3.1.1 (§4.8.12.6), and the mock's parser as its
 * exact inverse: one module (generator/runtime/params.ts) serves both.
 */
import { describe, expect, it } from "vitest";
import {
  parsePath,
  parseQuery,
  queryPairs,
  serialiseCookie,
  serialiseHeader,
  serialisePath,
  serialiseQuery,
  type ParamSpec,
  type ValueKind,
} from "../../generator/runtime/params.js";

const EMPTY = "";
const STRING = "blue";
const ARRAY = ["blue", "black", "brown"];
const OBJECT = { R: 100, G: 200, B: 150 };

type Row = [
  style: string,
  explode: boolean,
  empty: string | null,
  string: string | null,
  array: string | null,
  object: string | null,
];

/** The specification's table, verbatim (n/a as null). */
const TABLE: Row[] = [
  ["matrix", false, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
  ["matrix", true, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
  ["label", false, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
  ["label", true, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
  ["simple", false, "", "blue", "blue,black,brown", "R,100,G,200,B,150"],
  ["simple", true, "", "blue", "blue,black,brown", "R=100,G=200,B=150"],
  ["form", false, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"],
  ["form", true, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
  ["spaceDelimited", false, null, null, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"],
  ["pipeDelimited", false, null, null, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"],
  ["deepObject", true, null, null, null, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"],
];

const PATH_STYLES = new Set(["matrix", "label", "simple"]);

function serialise(spec: ParamSpec, value: unknown): string {
  return spec.in === "path" ? serialisePath(spec, value) : serialiseQuery(spec, value);
}

function parse(spec: ParamSpec, kind: ValueKind, text: string): unknown {
  const parsed = spec.in === "path" ? parsePath(spec, kind, text) : parseQuery(spec, kind, queryPairs(text));
  if (parsed === undefined) return undefined;
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.value;
}

const cases = TABLE.flatMap(([style, explode, ...cells]) => {
  const spec: ParamSpec = { in: PATH_STYLES.has(style) ? "path" : "query", name: "color", style, explode };
  const values: [string, unknown, ValueKind][] = [
    ["empty", EMPTY, "scalar"],
    ["string", STRING, "scalar"],
    ["array", ARRAY, "array"],
    ["object", OBJECT, "object"],
  ];
  return values.flatMap(([column, value, kind], i) => {
    const expected = cells[i];
    return expected === null || expected === undefined ? [] : [{ style, explode, column, spec, value, kind, expected }];
  });
});

describe("the OpenAPI 3.1.1 style table", () => {
  it.each(cases)("$style explode=$explode $column → $expected", ({ spec, value, expected }) => {
    expect(serialise(spec, value)).toBe(expected);
  });

  it.each(cases.filter((c) => c.column !== "empty"))(
    "$style explode=$explode $column parses back",
    ({ spec, value, kind, expected }) => {
      const want =
        kind === "object" ? Object.fromEntries(Object.entries(OBJECT).map(([k, v]) => [k, String(v)])) : value;
      expect(parse(spec, kind, expected)).toEqual(want);
    },
  );
});

describe("what the table does not show", () => {
  it("every query key is encoded: a key cannot inject a parameter", () => {
    const key = "a]=1&admin=true&x[";
    const deep = serialiseQuery({ in: "query", name: "filter", style: "deepObject" }, { [key]: "v" });
    expect(deep).toBe("filter%5Ba%5D%3D1%26admin%3Dtrue%26x%5B%5D=v");
    expect(new URLSearchParams(deep).has("admin")).toBe(false);
    const exploded = serialiseQuery({ in: "query", name: "f" }, { [key]: "v" });
    expect([...new URLSearchParams(exploded).keys()]).toEqual([key]);
    expect(serialiseQuery({ in: "query", name: key }, "v")).toBe("a%5D%3D1%26admin%3Dtrue%26x%5B=v");
  });

  it("allowReserved keeps reserved characters; otherwise they are encoded", () => {
    const url = "https://x.test/a?b=c#d";
    expect(serialiseQuery({ in: "query", name: "u", allowReserved: true }, url)).toBe("u=https://x.test/a?b=c#d");
    expect(serialiseQuery({ in: "query", name: "u" }, url)).toBe("u=https%3A%2F%2Fx.test%2Fa%3Fb%3Dc%23d");
  });

  it("a content parameter is JSON, encoded", () => {
    const spec: ParamSpec = { in: "query", name: "where", content: "application/json" };
    const text = serialiseQuery(spec, { lat: 1.5, long: -2 });
    expect(text).toBe("where=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D");
    expect(parse(spec, "object", text)).toEqual({ lat: 1.5, long: -2 });
  });

  it("a delimiter inside a value stays inside it", () => {
    const spec: ParamSpec = { in: "query", name: "ids", explode: false };
    const text = serialiseQuery(spec, ["a,b", "c"]);
    expect(text).toBe("ids=a%2Cb,c");
    expect(parse(spec, "array", text)).toEqual(["a,b", "c"]);
  });

  it("the wrong form is refused by the parser, naming the right one", () => {
    const spec: ParamSpec = { in: "query", name: "ids", explode: false };
    expect(parseQuery(spec, "array", queryPairs("ids=1&ids=2"))).toEqual({
      error: expect.stringMatching(/given 2 times.*explode false/) as unknown,
    });
    expect(parsePath({ in: "path", name: "c", style: "label" }, "array", "blue")).toHaveProperty("error");
    expect(parsePath({ in: "path", name: "c", style: "matrix" }, "scalar", ";other=1")).toHaveProperty("error");
  });

  it("headers (simple) and cookies (form)", () => {
    expect(serialiseHeader({ in: "header", name: "X" }, ARRAY)).toBe("blue,black,brown");
    expect(serialiseHeader({ in: "header", name: "X", explode: true }, OBJECT)).toBe("R=100,G=200,B=150");
    expect(serialiseCookie({ in: "cookie", name: "c", explode: false }, ["a b", "c"])).toEqual(["c=a%20b,c"]);
    expect(serialiseCookie({ in: "cookie", name: "c" }, "x;y")).toEqual(["c=x%3By"]);
  });
});
