// planwatch: a little progressive enhancement; every page works without it.
// Selects and date fields marked data-autosubmit send their form on change,
// so choosing a plan, a date or a filter needs no extra click.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit();
  }
});
