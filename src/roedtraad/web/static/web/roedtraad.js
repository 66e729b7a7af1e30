// Progressive enhancement only: the pages work without it.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) { window.DKFDS.init(); }
});
document.addEventListener("htmx:afterSwap", function (event) {
  if (window.DKFDS) { window.DKFDS.init({ scope: event.target }); }
});
