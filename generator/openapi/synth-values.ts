/**
 * Sample values by string `format`: one table for every place that makes up a value (the mock's synthesis, the
 * docs' usage examples, conformance edges), so the docs show what the mock answers. Each value is valid for its
 * format under the validators' own checks (generator/runtime/formats.ts): `time` carries its offset, `uri` is
 * absolute.
 */
export const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  "date-time": "2024-05-14T09:30:00Z",
  date: "2024-05-14",
  time: "09:30:00Z",
  email: "ada.lovelace@example.com",
  "idn-email": "ada.lovelace@example.com",
  uuid: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  uri: "https://example.com/",
  url: "https://example.com/",
  "uri-reference": "https://example.com/",
  iri: "https://example.com/",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "ZXhhbXBsZQ==",
  duration: "P1D",
  regex: ".*",
  "json-pointer": "/a",
};

/** The sample for a schema's `format`, when the table has one (own keys only: a format may be any text). */
export function formatSample(format: unknown): string | undefined {
  return typeof format === "string" && Object.hasOwn(FORMAT_SAMPLES, format) ? FORMAT_SAMPLES[format] : undefined;
}
