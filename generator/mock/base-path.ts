/** Path part of a server URL, variables replaced by their defaults, without a trailing slash (`` for none). */
export function basePathOf(url: string, variables?: Record<string, { default?: unknown }>): string {
  const substituted = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = variables?.[name]?.default;
    return typeof value === "string" ? value : whole;
  });
  let pathname: string;
  try {
    pathname = new URL(substituted).pathname;
  } catch {
    pathname = new URL(substituted, "http://relative.invalid").pathname;
  }
  try {
    pathname = decodeURI(pathname);
  } catch {
    // Keep the encoded form.
  }
  return pathname.replace(/\/+$/, "");
}
