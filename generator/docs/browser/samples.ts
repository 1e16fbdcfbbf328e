/** Sample tabs (WAI-ARIA tabs pattern: arrows move, Home/End jump) and the copy button. */

export function initSamples(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>(".samples")) {
    const tabs = [...box.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const select = (chosen: HTMLButtonElement, focus: boolean) => {
      for (const tab of tabs) {
        const on = tab === chosen;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
        if (panel) panel.hidden = !on;
      }
      if (focus) chosen.focus();
    };
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(tab, false));
      tab.addEventListener("keydown", (event) => {
        const last = tabs.length - 1;
        const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[
          event.key
        ];
        const target = next === undefined ? undefined : tabs[next];
        if (target) {
          event.preventDefault();
          select(target, true);
        }
      });
    });
    const first = tabs[0];
    if (first) select(first, false);
    const copy = box.querySelector<HTMLButtonElement>("[data-copy]");
    copy?.addEventListener("click", () => {
      const panel = box.querySelector<HTMLElement>(".tabpanel:not([hidden]) pre");
      void copyText(panel?.textContent ?? "").then((ok) => {
        copy.textContent = ok ? "Copied" : "Copy failed";
        setTimeout(() => (copy.textContent = "Copy"), 1500);
      });
    });
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // file:// pages and old browsers: fall back to a selection copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
