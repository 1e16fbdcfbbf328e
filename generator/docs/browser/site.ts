/**
 * The script every page loads (assets/site.js, bundled by esbuild at docs time). It runs in the head so the
 * `js` class is set before first paint: without it, pages show every sample and no control needing a script.
 */
import { initMenu } from "./menu.js";
import { initSamples } from "./samples.js";
import { initSearch } from "./search.js";

document.documentElement.classList.add("js");

function start(): void {
  initSamples(document);
  initSearch();
  initMenu();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
