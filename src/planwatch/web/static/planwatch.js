// planwatch: a little progressive enhancement; every page works without it.
// Selects and date fields marked data-autosubmit send their form on change,
// so choosing a plan, a date or a filter needs no extra click.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit();
  }
});

// "展开全部" under a roll-up table shows the rows folded away (they are in the page already).
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("[data-toggle-rows]") : null;
  if (!link) return;
  event.preventDefault();
  const panel = link.closest(".rollup");
  const unfolded = panel.classList.toggle("unfolded");
  link.dataset.label = link.dataset.label || link.textContent;
  link.textContent = unfolded ? "收起" : link.dataset.label;
});
