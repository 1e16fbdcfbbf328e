/** `--base-path` of `docs` and `docs:serve`: where the site is published, e.g. `/repo/` on GitHub Pages. */
const BASE_PATH = /^\/([A-Za-z0-9._~-]+\/)*$/;

export function checkBasePath(basePath: string): string {
  if (!BASE_PATH.test(basePath) || basePath.split("/").some((part) => part === "." || part === ".."))
    throw new Error(
      `docs: --base-path "${basePath}" must be a URL path that starts and ends with "/" (letters, digits, . _ ~ -), e.g. /my-repo/`,
    );
  return basePath;
}
