import type { ServerObject } from "../load/openapi-types.js";
import type { ServerModel } from "./types.js";

function substitute(server: ServerObject): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

/** Base path of a server URL (absolute or relative), without a trailing slash. */
export function basePathOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = new URL(url, "http://relative.invalid").pathname;
  }
  return decodeURI(pathname).replace(/\/+$/, "");
}

export function buildServers(servers: ServerObject[] | undefined): ServerModel[] {
  const list = servers && servers.length > 0 ? servers : [{ url: "/" }];
  return list.map((server) => {
    const url = substitute(server);
    return { url, description: server.description, basePath: basePathOf(url) };
  });
}
