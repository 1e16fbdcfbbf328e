/** The Menu button of narrow screens: shows and hides the sidebar; following a link or Escape hides it. */
export function initMenu(): void {
  const button = document.querySelector<HTMLButtonElement>(".menu-toggle");
  const sidebar = document.getElementById("sidebar");
  if (!button || !sidebar) return;
  const set = (open: boolean) => {
    sidebar.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => set(!sidebar.classList.contains("open")));
  sidebar.addEventListener("click", (event) => {
    if ((event.target as HTMLElement).closest("a")) set(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && sidebar.classList.contains("open")) {
      set(false);
      button.focus();
    }
  });
}
