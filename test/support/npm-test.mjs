/**
 * `npm test`: the static checks (`npm run checks`: typecheck, spec and code lint, `generate --check`) and vitest
 * side by side. Run one after the other, the checks (about 35 s on one core) left the second core idle; beside
 * vitest they use it. The checks' output is held and printed in one block when they finish; the exit code is
 * non-zero when either side failed, and then the last line says which. Arguments go to vitest.
 * Plain JavaScript: it runs before anything that needs TypeScript support.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const vitestBin = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

/** Resolves to the exit code; stdout and stderr collected in order when `capture` is given. */
function run(command, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    if (capture) {
      child.stdout.on("data", (chunk) => capture.push(chunk));
      child.stderr.on("data", (chunk) => capture.push(chunk));
    }
    child.on("error", (error) => {
      capture?.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = Date.now();
const output = [];
const checks = run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "checks"], output).then(
  (code) => {
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const text = Buffer.concat(output).toString().trimEnd();
    process.stdout.write(
      code === 0
        ? `\n── npm run checks (typecheck, lint, generate --check): passed in ${took}${text ? `\n${text}` : ""}\n\n`
        : `\n── npm run checks FAILED (exit ${code}, ${took}):\n${text}\n\n`,
    );
    return code;
  },
);
const tests = run(process.execPath, [vitestBin, "run", ...process.argv.slice(2)]);
const [checksCode, testsCode] = await Promise.all([checks, tests]);
if (checksCode !== 0) process.stdout.write("npm test: FAILED: npm run checks (see its output above)\n");
process.exitCode = checksCode !== 0 ? checksCode : testsCode;
