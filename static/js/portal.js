// Progressive enhancement only: without this file the menu is a working <details> toggle.
(function () {
  "use strict";
  // After a failed form submission, move focus to the error summary so it is read out first.
  var errors = document.getElementById("form-errors");
  if (errors) errors.focus();

  var menu = document.querySelector("[data-nav-menu]");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 60em)");

  function sync() {
    // On wide screens the menu is a bar: always open, toggle hidden (see .nav-open-wide).
    if (wide.matches) {
      menu.setAttribute("open", "");
      menu.classList.add("nav-open-wide");
    } else {
      menu.classList.remove("nav-open-wide");
      menu.removeAttribute("open");
    }
  }

  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);

  // Escape closes the phone menu and returns focus to its toggle.
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !wide.matches && menu.open) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    }
  });
})();
