/**
 * The search box in the top bar (WAI-ARIA combobox with a listbox popup): `/` focuses it from anywhere, arrows
 * move through the results, Enter opens the active one (the first by default), Escape closes the list.
 */
import type { SearchEntry } from "../search-index.js";
import { rank } from "./rank.js";

declare global {
  interface Window {
    contactgenSearch?: SearchEntry[];
  }
}

const KIND_LABEL = { operation: "Operation", schema: "Schema", property: "Property" };

export function initSearch(): void {
  const box = document.querySelector<HTMLElement>(".search");
  const input = document.querySelector<HTMLInputElement>("#search-input");
  const list = document.querySelector<HTMLUListElement>("#search-results");
  if (!box || !input || !list) return;
  box.hidden = false;
  let results: SearchEntry[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll("[role=option]").forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
      if (i === index) option.scrollIntoView({ block: "nearest" });
    });
    if (index >= 0) input.setAttribute("aria-activedescendant", `search-option-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const open = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    close();
    window.location.href = entry[3];
  };
  const render = () => {
    results = rank(window.contactgenSearch ?? [], input.value);
    list.replaceChildren(
      ...results.map((entry, i) => {
        const option = document.createElement("li");
        option.id = `search-option-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.className = "result-title";
        title.textContent = entry[1];
        const detail = document.createElement("span");
        detail.className = "result-detail";
        detail.textContent = `${KIND_LABEL[entry[0]]} · ${entry[2]}`;
        option.append(title, detail);
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => open(entry));
        return option;
      }),
    );
    if (input.value.trim() === "") return close();
    if (results.length === 0) {
      const none = document.createElement("li");
      none.className = "result-none";
      none.textContent = "No match";
      list.append(none);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(results.length > 0 ? 0 : -1);
  };

  input.addEventListener("input", render);
  input.addEventListener("focus", () => input.value && render());
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) render();
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(results[Math.max(active, 0)]);
    } else if (event.key === "Escape") {
      if (list.hidden) input.value = "";
      close();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
