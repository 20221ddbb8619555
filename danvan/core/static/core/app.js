// Font-size control: the choice is kept in this browser only.
(function () {
  var KEY = "danvan.fontStep";
  function apply(step) {
    document.documentElement.style.setProperty("--font-step", step);
  }
  var saved = parseInt(localStorage.getItem(KEY) || "0", 10);
  apply(saved);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-font]");
    if (!button) return;
    var delta = parseInt(button.getAttribute("data-font"), 10);
    var step = delta === 0 ? 0 : Math.max(-2, Math.min(4, parseInt(localStorage.getItem(KEY) || "0", 10) + delta));
    localStorage.setItem(KEY, String(step));
    apply(step);
  });
})();

// Unit tree: a second click folds a node instead of loading its children again.
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-tree-toggle]");
  if (!toggle) return;
  var open = toggle.getAttribute("aria-expanded") === "true";
  if (open) {
    event.preventDefault();
    event.stopImmediatePropagation();
    toggle.closest("li").querySelector(".children").innerHTML = "";
  }
  toggle.setAttribute("aria-expanded", open ? "false" : "true");
  toggle.textContent = open ? "▸" : "▾";
}, true);

// Autocomplete boxes (core/widgets.py): picking a match fills the hidden field.
document.addEventListener("click", function (event) {
  var option = event.target.closest("[data-ac-value]");
  if (!option) return;
  var box = option.closest("[data-autocomplete]");
  box.querySelector("[data-ac-hidden]").value = option.getAttribute("data-ac-value");
  box.querySelector("[data-ac-input]").value = option.childNodes[0].textContent.trim();
  box.querySelector(".ac-results").innerHTML = "";
});

// "Cancel" goes back to where the person came from; the link's address is the fallback.
// (A javascript: address would be inline script, which the Content-Security-Policy refuses.)
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-back]");
  if (!link || window.history.length < 2) return;
  event.preventDefault();
  window.history.back();
});

// Print buttons (certificates).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
